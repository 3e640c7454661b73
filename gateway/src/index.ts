export * from './createGateway';
export * from './serveGateway';
export * from './startGateway';
export * from './subgraphEndpoints';
