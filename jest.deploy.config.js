/**
 * `npm run test:deploy`: the Kubernetes manifests (deploy/kubernetes), rendered offline with
 * `kubectl kustomize` and checked. Apart from `npm test` because it needs kubectl; no database.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/deploy'],
  testMatch: ['**/*.deploy.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  testTimeout: 60_000,
};
