/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The Chromium end-to-end tests run with `npm run test:browser` (jest.browser.config.js).
  testPathIgnorePatterns: ['/node_modules/', '/test/browser/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', {tsconfig: 'tsconfig.json'}],
  },
  // Sources import siblings as './x.js' (what Node's ESM loader needs); map
  // those back to the .ts files for ts-jest.
  moduleNameMapper: {'^(\\.{1,2}/.*)\\.js$': '$1'},
  globalSetup: '<rootDir>/test/globalSetup.js',
  testTimeout: 120000,
};
