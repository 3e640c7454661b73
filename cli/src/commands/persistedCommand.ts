import { defineCommand } from './CommandDeclaration';
import { UsageError } from './UsageError';

export const persistedCommand = defineCommand({
  name: 'persisted',
  arguments: 'add <manifest.json>',
  summary:
    "Register a dashboard's persisted documents with the hub: validate every entry of its manifest (GraphQL Code Generator's persisted-documents.json) and store it where the gateway loads it at start; exit 1 if any entry is refused",
  options: {
    name: { type: 'string', value: '<dashboard>', required: true, description: 'The dashboard it belongs to: its manifest is stored as <dashboard>.json, replacing an earlier one' },
  },
  details: () => `The manifest is a JSON object mapping each document's id to its text, as GraphQL Code
Generator's client preset writes it with persistedDocuments on: the id is "sha256:" and the
sha256 of the text (64 lowercase hex digits; the prefix may be left out). Every entry must
have the id of its text, be a valid operation of the API schema (the supergraph the gateway
serves, SUPERGRAPH_PATH) and fit the operation limits (MAX_DEPTH, MAX_TOKENS, ...). One bad
entry and nothing is registered: each refused entry is named with the reason.

The manifest is stored in PERSISTED_DOCUMENTS_DIR (default gateway/registered-documents); the
gateway serves it, beside the hub's own documents, from its next start. docs/dashboards.md.

Exit codes: 0 registered; 1 refused, nothing registered; 2 usage error.
`,
  run: ({ values, positionals }) => {
    if (positionals.length !== 2 || positionals[0] !== 'add') throw new UsageError('expected "add <manifest.json>"');
    return (require('./persisted') as typeof import('./persisted')).persistedAdd({ manifest: positionals[1], name: values.name });
  },
});
