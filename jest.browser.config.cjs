// `npm run test:browser`: the console in a real browser (Debian's chromium driven by playwright-core).
// Not part of `npm test`, which must pass on a fresh machine with no browser; these fail loudly without
// one (CHROMIUM_PATH, default /usr/bin/chromium). `.ci/run` installs chromium and runs them.
const { displayName: _name, testMatch: _match, ...common } = require('./jest.config.cjs').projects[0];

module.exports = {
  ...common,
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  testTimeout: 120_000,
  slowTestThreshold: 60,
};
