import { defineCommand } from './CommandDeclaration';

export const composeCommand = defineCommand({
  name: 'compose',
  summary: "Regenerate each subgraph's generated/schema.graphql and gateway/generated/supergraph.graphql; with --check, change nothing and exit 1 if any is out of date",
  options: {
    check: { type: 'boolean', default: false, description: 'Change nothing; exit 1 if any generated file is out of date' },
  },
  run: ({ values }) => (require('./compose') as typeof import('./compose')).compose({ check: values.check }),
});
