module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'tax-obligation',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
};
