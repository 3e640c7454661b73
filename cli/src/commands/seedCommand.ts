import { defineCommand } from './CommandDeclaration';

export const seedCommand = defineCommand({
  name: 'seed',
  summary: 'Migrate and seed every empty database (SEED_SIZE small or city, SEED)',
  options: {},
  run: () => (require('./migrate') as typeof import('./migrate')).migrate({ seed: true }),
});
