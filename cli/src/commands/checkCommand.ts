import { defineCommand } from './CommandDeclaration';
import { UsageError } from './UsageError';

export const checkCommand = defineCommand({
  name: 'check',
  arguments: '<subgraph>',
  summary:
    "Compose with the subgraph's new schema (its current code, or the file) and report breaking changes to the committed supergraph and documented queries; exit 1 if anything breaks",
  options: {
    schema: {
      type: 'string',
      value: '<file.graphql>',
      description: "The proposed subgraph SDL (e.g. an edited schema.graphql); by default the SDL built from the subgraph's current code.",
    },
  },
  details: () => `Checks a subgraph's new schema before it ships:
  1. composes the supergraph with the new schema in place of the subgraph's (the other
     subgraphs from their current code); composition errors fail the check;
  2. compares the client-facing API schema of the committed gateway/generated/supergraph.graphql with
     that of the new supergraph, and lists the changes as BREAKING, DANGEROUS or SAFE;
  3. validates every documented query in docs/queries/*.graphql against the new API schema.

Exit status: 0 when nothing is breaking and every documented query is valid; 1 on a
breaking change, an invalid documented query or a composition error; 2 on a usage error.
`,
  run: ({ values, positionals }) => {
    if (positionals.length !== 1) throw new UsageError('expected one subgraph name');
    return (require('./check') as typeof import('./check')).check({ subgraph: positionals[0], schema: values.schema });
  },
});
