// One Jest run over every project. Unit specs (*.spec.ts) need nothing; integration
// specs (*.int-spec.ts) need Kafka and MongoDB, which tools/cli/test.mjs provisions
// (or libs/testing's global setup does, when Jest is started on its own).
module.exports = {
  projects: ['<rootDir>/apps/*/jest.config.js', '<rootDir>/libs/*/jest.config.js'],
};
