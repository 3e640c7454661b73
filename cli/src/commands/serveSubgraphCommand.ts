import { defineCommand } from './CommandDeclaration';
import { UsageError } from './UsageError';

export const serveSubgraphCommand = defineCommand({
  name: 'serve-subgraph',
  arguments: '<name>',
  summary: 'Run one subgraph on its own (as a container does): create, migrate and seed its database, then serve it on <NAME>_PORT or PORT',
  options: {},
  run: ({ positionals }) => {
    if (positionals.length !== 1) throw new UsageError('expected one subgraph name');
    return (require('./serveSubgraph') as typeof import('./serveSubgraph')).serveOneSubgraph(positionals[0]);
  },
});
