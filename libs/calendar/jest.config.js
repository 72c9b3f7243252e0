module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'calendar',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
