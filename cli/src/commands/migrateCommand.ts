import { defineCommand } from './CommandDeclaration';

export const migrateCommand = defineCommand({
  name: 'migrate',
  summary: 'Run pending migrations of every subgraph (and seed empty databases)',
  options: {
    seed: { type: 'boolean', default: false, description: 'Also seed every empty database (SEED_SIZE small or city, SEED)' },
  },
  run: ({ values }) => (require('./migrate') as typeof import('./migrate')).migrate({ seed: values.seed }),
});
