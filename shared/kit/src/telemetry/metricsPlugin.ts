import type { ApolloServerPlugin } from '@apollo/server';
import { recordOutcome } from './metricsScope';

/** Records how each operation ended (ok, partial, error) for the request's metrics scope. */
export function metricsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return recordOutcome('ok');
          const { data, errors } = response.body.singleResult;
          recordOutcome(!errors?.length ? 'ok' : data ? 'partial' : 'error');
        },
      };
    },
  };
}
