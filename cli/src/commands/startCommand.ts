import { defineCommand } from './CommandDeclaration';

export const startCommand = defineCommand({
  name: 'start',
  summary: 'Start PostgreSQL (embedded unless configured), every subgraph and the gateway',
  options: {},
  run: () => (require('./start') as typeof import('./start')).start(),
});
