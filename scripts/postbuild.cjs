// The compiled tree mirrors the repository (dist/src, dist/migrations); the contract's entry
// points are dist/main.js etc., so write one-line forwarders for them.
const { writeFileSync } = require('node:fs');
const entries = { 'main.js': './src/main.js' };
for (const [file, target] of Object.entries(entries)) {
  writeFileSync(`dist/${file}`, `'use strict';\nrequire('${target}');\n`);
}
