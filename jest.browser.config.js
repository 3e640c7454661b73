// npm run test:browser: the web app in a real Chromium against a real hub (test/browser/*.browser.test.ts).
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Fails the run with one line when there is no Chromium, then starts the run's PostgreSQL as for npm test.
  globalSetup: '<rootDir>/test/browser/support/globalSetup.ts',
  testTimeout: 120_000,
};
