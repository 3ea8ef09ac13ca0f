// `npm run test:cluster`: three instances of the built service (node dist/main.js) against one
// MariaDB database and one Redis, as a province would run them. Not part of `npm test`.
const { displayName: _name, testMatch: _match, ...common } = require('./jest.config.cjs').projects[0];

module.exports = {
  ...common,
  displayName: 'cluster',
  testMatch: ['<rootDir>/test/cluster/**/*.cluster-spec.ts'],
  globalSetup: '<rootDir>/test/resilience/global-setup.cjs',
  testTimeout: 240_000,
  slowTestThreshold: 120,
};
