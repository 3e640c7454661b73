import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLSchema, parse } from 'graphql';
import type { OperationLimitsConfig } from '@cswb/contract/config';
import { BoundedMap, BoundedSet, operationLimitErrors, tokenLimitError } from '@cswb/contract/limits';
import type { OperationLimitError } from '@cswb/contract/limits';

/** Apollo Server's document store: parsed and validated documents by `<schema hash>:<query hash>`. */
export interface DocumentStore {
  get(key: string): Promise<DocumentNode | undefined>;
  set(key: string, value: DocumentNode): Promise<void>;
  delete(key: string): Promise<boolean>;
}

export interface SubgraphOperationLimits {
  plugin: ApolloServerPlugin<any>;
  /** To pass as Apollo Server's `documentStore`. */
  documentStore: DocumentStore;
  /** To pass as Apollo Server's `parseOptions`: the parser stops at `maxTokens` even if a document got past the check. */
  parseOptions: { maxTokens?: number };
}

/** Documents kept parsed and validated, as Apollo's own default store would keep them. */
const CACHED_DOCUMENTS = 1000;
const INERT_DOCUMENT = parse('{ __typename }', { noLocation: true });

function limitError(source: string, schema: GraphQLSchema, limits: OperationLimitsConfig): OperationLimitError | undefined {
  const tooLong = tokenLimitError(source, limits);
  if (tooLong) return tooLong;
  let document: DocumentNode;
  try {
    document = parse(source, { noLocation: true });
  } catch {
    return undefined; // a syntax error: Apollo's parser reports it
  }
  return operationLimitErrors(document, schema, limits)[0];
}

/**
 * The operation limits in a subgraph's Apollo Server, checked on the document's source before
 * Apollo parses or validates it (graphql-js validation is itself slow on some documents over the
 * limits).
 *
 * Apollo Server has no hook that can answer between receiving the source and validating it: an
 * error thrown from `didResolveSource`, `parsingDidStart` or `validationDidStart` becomes a 500.
 * So the check runs in `didResolveSource`, and for a refused document the document store hands
 * Apollo an inert stand-in, as if already parsed and validated, so neither its parser nor its
 * validation sees the document; `didResolveOperation`, whose errors Apollo answers as they are,
 * then refuses the request with the limit's code and HTTP 400. Nothing executes.
 */
export function subgraphOperationLimits(limits: OperationLimitsConfig): SubgraphOperationLimits {
  const documents = new BoundedMap<string, DocumentNode>(CACHED_DOCUMENTS);
  const accepted = new BoundedSet<string>(CACHED_DOCUMENTS);
  // A refusal depends only on the source (its hash) and the limits, which do not change.
  const refused = new BoundedSet<string>(CACHED_DOCUMENTS);
  const queryHashOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);
  return {
    documentStore: {
      get: async (key) => (refused.has(queryHashOf(key)) ? INERT_DOCUMENT : documents.get(key)),
      set: async (key, value) => {
        if (value !== INERT_DOCUMENT) documents.set(key, value);
      },
      delete: async (key) => documents.delete(key),
    },
    parseOptions: limits.maxTokens ? { maxTokens: limits.maxTokens } : {},
    plugin: {
      async requestDidStart() {
        let refusal: OperationLimitError | undefined;
        return {
          async didResolveSource({ source, queryHash, schema }) {
            if (accepted.has(queryHash)) return;
            refusal = limitError(source, schema, limits);
            if (refusal) refused.add(queryHash);
            else accepted.add(queryHash);
          },
          async didResolveOperation() {
            if (refusal) throw refusal;
          },
        };
      },
    },
  };
}
