module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'procedures',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
