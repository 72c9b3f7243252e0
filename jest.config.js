// One Jest run over every project. Unit specs (*.spec.ts) need nothing; integration
// specs (*.int-spec.ts) need Kafka and MongoDB, which tools/cli/test.mjs provisions
// (or tools/jest/global-setup.js does, when Jest is started on its own).
module.exports = {
  projects: [
    '<rootDir>/apps/*/jest.config.js',
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/e2e/jest.config.js',
  ],
  globalSetup: '<rootDir>/tools/jest/global-setup.js',
  globalTeardown: '<rootDir>/tools/jest/global-teardown.js',
  // Two cores: one worker per core; Kafka and the database take the rest.
  maxWorkers: 2,
  // Integration tests wait on a real broker (group joins, leaves); unit tests finish far sooner.
  testTimeout: 30_000,
};
