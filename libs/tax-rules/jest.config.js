module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'tax-rules',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
