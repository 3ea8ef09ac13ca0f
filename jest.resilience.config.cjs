// `npm run test:resilience`: fault tests against the built service (node dist/main.js) and a private
// MariaDB server each spec starts for itself. Not part of `npm test`: they stop databases, kill
// processes and take minutes. Transform settings are those of the main config (its first project).
const { displayName: _name, testMatch: _match, ...common } = require('./jest.config.cjs').projects[0];

module.exports = {
  ...common,
  displayName: 'resilience',
  testMatch: ['<rootDir>/test/resilience/**/*.resilience-spec.ts'],
  // Builds dist/ when it is missing or older than the sources.
  globalSetup: '<rootDir>/test/resilience/global-setup.cjs',
  testTimeout: 240_000,
  slowTestThreshold: 120,
};
