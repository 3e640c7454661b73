/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/shared', '<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/cli'],
  testMatch: ['**/test/**/*.test.ts'],
  // *.redis.test.ts need a redis-server: npm run test:redis (CI installs one); *.browser.test.ts a
  // Chromium: npm run test:browser (jest.browser.config.js); *.pack.test.ts pack and install the CLI,
  // and run zsh and fish: npm run test:pack; *.deploy.test.ts render the Kubernetes manifests with
  // kubectl: npm run test:deploy (jest.deploy.config.js).
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.redis\\.test\\.ts$', '\\.browser\\.test\\.ts$', '\\.pack\\.test\\.ts$', '\\.deploy\\.test\\.ts$'],
  modulePathIgnorePatterns: ['<rootDir>/.data/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  // The gateway runtime loads some modules with import(): jest needs --experimental-vm-modules (see package.json).
  // Tests import the workspaces by package name, i.e. the compiled code `npm start` runs
  // (`npm test` builds first), so there is one copy of every decorator registry.
  globalSetup: '<rootDir>/shared/testing/dist/jest/globalSetup.js',
  globalTeardown: '<rootDir>/shared/testing/dist/jest/globalTeardown.js',
  testTimeout: 60_000,
  maxWorkers: 2,
};
