/** What `cswb start` tells its gateway process over IPC (cli/src/gatewayChild.ts). */
export type ToGatewayChild =
  /** Listen, in front of these subgraphs (name → URL; a `<NAME>_URL` in the environment wins). */
  | { type: 'start'; subgraphUrls: Record<string, string> }
  /** Close gracefully, then exit. */
  | { type: 'stop' };

/** What the gateway process answers. */
export type FromGatewayChild =
  | { type: 'ready'; url: string; webAppUrl?: string }
  /** It could not start; it has logged why on the shared stdout/stderr already. */
  | { type: 'failed' };
