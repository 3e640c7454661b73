import type { CodegenConfig } from '@graphql-codegen/cli';

// Types and persisted documents from the hub's published API schema, as any dashboard builder
// would make them (docs/dashboards.md). The manifest is what the gateway registers for the app.
const config: CodegenConfig = {
  schema: '../gateway/generated/api-schema.graphql',
  documents: ['src/queries/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: 'sha256', mode: 'replaceDocumentWithHash' },
      },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { LocalDate: 'string', DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
