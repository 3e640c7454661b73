import { createGatewayRuntime, GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import type { SubgraphEndpoint } from './subgraphEndpoints';

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphs: readonly SubgraphEndpoint[];
  /** A level, or false for no logs at all. */
  logging?: false | 'trace' | 'debug' | 'info' | 'warn' | 'error';
}

/**
 * The Hive Gateway runtime over a supergraph composed offline, with the Rust query
 * planner. Built here, listening elsewhere (`serveGateway`).
 */
export function createGateway(options: GatewayOptions): GatewayRuntime {
  const transportEntries = Object.fromEntries(options.subgraphs.map((s) => [s.name, { location: s.url }]));
  return createGatewayRuntime({
    supergraph: options.supergraphSdl,
    unifiedGraphHandler,
    transports: { http: httpTransport },
    transportEntries,
    logging: options.logging ?? 'info',
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthcheck',
    // /readiness is answered by serveGateway, which checks every subgraph.
    readinessCheckEndpoint: '/_runtime/readiness',
    landingPage: false,
  });
}
