/**
 * The one direction imports go (docs/architecture.md): contract ← kit ← sectors; the gateway
 * sees only the contract; tools (cli) and tests may use everything. `npm run lint:imports`, in CI.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contract-stands-alone',
      comment: '@cswb/contract is what every process agrees on: it imports no other workspace, and no database or schema-building library.',
      severity: 'error',
      from: { path: '^shared/contract/src' },
      to: { path: ['^shared/kit/', '^subgraphs/', '^gateway/', '^cli/', 'node_modules/(typeorm|type-graphql|pg|@apollo/server|@apollo/subgraph|dataloader)/'] },
    },
    {
      name: 'kit-serves-every-sector',
      comment: 'The subgraph kit knows no particular sector, nor the gateway or the tools.',
      severity: 'error',
      from: { path: '^shared/kit/src' },
      to: { path: ['^subgraphs/', '^gateway/', '^cli/'] },
    },
    {
      name: 'gateway-sees-only-the-contract',
      comment: 'The gateway loads the contract, never the subgraph kit or a sector (their database and schema code).',
      severity: 'error',
      from: { path: '^gateway/src' },
      to: { path: ['^shared/kit/', '^subgraphs/', '^cli/', 'node_modules/(typeorm|type-graphql|pg|dataloader)/'] },
    },
    {
      name: 'sectors-are-independent',
      comment: 'A sector imports the kit and the contract, not another sector, the gateway or the tools.',
      severity: 'error',
      from: { path: '^subgraphs/([^/]+)/src' },
      to: { path: ['^subgraphs/', '^gateway/', '^cli/'], pathNot: ['^subgraphs/$1/'] },
    },
    {
      name: 'through-entry-points',
      comment: 'Another workspace is imported by its package name and entry points (package.json exports), never by a relative path into it.',
      severity: 'error',
      from: { path: '^(shared/[^/]+|subgraphs/[^/]+|gateway|cli)/src' },
      to: { dependencyTypes: ['local'], path: '^(shared|subgraphs|gateway|cli)/', pathNot: '^$1/' },
    },
    {
      name: 'testing-is-for-tests',
      comment: '@cswb/testing holds what the test suites share (test databases, stacks, tokens): tests import it, no source folder does.',
      severity: 'error',
      from: { path: '/src/', pathNot: '^shared/testing/' },
      to: { path: '^shared/testing/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle means two modules are one concern, or a concern is in the wrong place.',
      severity: 'error',
      from: { path: '^(shared|subgraphs|gateway|cli)/' },
      to: { circular: true },
    },
  ],
  options: {
    // Another workspace resolves to its compiled dist/ (through node_modules): keep the edge, do not follow it.
    doNotFollow: { path: ['node_modules', '/dist/'] },
    exclude: { path: ['/test/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['types', 'import', 'require', 'node', 'default'], mainFields: ['types', 'main'] },
  },
};
