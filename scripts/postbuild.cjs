// The compiled tree mirrors the repository (dist/src, dist/migrations); the contract's entry
// points are dist/main.js etc., so write one-line forwarders for them.
const { copyFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const entries = { 'main.js': './src/main.js' };
for (const [file, target] of Object.entries(entries)) {
  writeFileSync(`dist/${file}`, `'use strict';\nrequire('${target}');\n`);
}

// tsc copies no other files: the console's stylesheet, script and logo are read at start from the
// folder of the compiled assets module (src/console/assets/assets.ts), so they go next to it.
const assets = join('src', 'console', 'assets');
for (const name of readdirSync(assets)) {
  if (/\.(css|js|svg|png)$/.test(name)) copyFileSync(join(assets, name), join('dist', assets, name));
}

// The shipped code lists (data/reference/*.csv) are read by the migration that loads them and by
// src/reference/reference-lists.ts, from dist/data/reference once built.
const { cpSync } = require('node:fs');
cpSync(join('data', 'reference'), join('dist', 'data', 'reference'), { recursive: true });
