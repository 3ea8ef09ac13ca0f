// The resilience specs run the built service; build it when dist/ is missing or older than the
// sources (RESILIENCE_SKIP_BUILD=1 trusts the existing dist/).
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

module.exports = async function globalSetup() {
  const root = join(__dirname, '..', '..');
  const entry = join(root, 'dist', 'src', 'main.js');
  const stale =
    !existsSync(join(root, 'dist', 'main.js')) ||
    !existsSync(entry) ||
    statSync(entry).mtimeMs < Math.max(newest(join(root, 'src')), newest(join(root, 'migrations')));
  if (process.env.RESILIENCE_SKIP_BUILD === '1' || !stale) return;
  process.stdout.write('\n[resilience] building the service (npm run build)\n');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed: the resilience tests need the built service');
};
