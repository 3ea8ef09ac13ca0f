// The compiled tree mirrors the repository (dist/src, dist/migrations); the contract's entry
// points are dist/main.js etc., so write one-line forwarders for them.
const { copyFileSync, mkdirSync, readdirSync, writeFileSync } = require('node:fs');
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

// The reference lists (data/reference/*.csv: code lists and regions of Indonesia) are read by the
// migration that loads the code lists, src/reference/reference-lists.ts and src/common/reference/regions.ts from ../../../data/reference of its own folder: the repository's
// data/reference under ts-jest, dist/data/reference once built.
const reference = join('data', 'reference');
mkdirSync(join('dist', reference), { recursive: true });
for (const name of readdirSync(reference)) {
  if (name.endsWith('.csv')) copyFileSync(join(reference, name), join('dist', reference, name));
}
