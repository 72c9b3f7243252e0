module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'dossier-code',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
