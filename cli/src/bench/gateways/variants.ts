import * as path from 'node:path';
import type { GatewayVariant } from '../gatewayProcess';

/** The compiled script each gateway variant runs in (a child process of its own). */
export const GATEWAY_SCRIPT = path.join(__dirname, '..', 'gatewayProcess.js');

export interface Variant {
  id: GatewayVariant | 'secure-answer-cache' | 'direct';
  label: string;
  /** The gateway process it runs (default: its id) and the settings it runs with beyond the suite's. */
  process?: GatewayVariant;
  env?: Record<string, string>;
}

export const VARIANTS: readonly Variant[] = [
  // The gateway's own work on every request: its answer cache off, so that each request is planned and fetched.
  { id: 'secure', label: 'cswb gateway, security on', env: { ANSWER_CACHE_MB: '0' } },
  { id: 'secure-answer-cache', label: 'cswb gateway as deployed (answer cache on)', process: 'secure' },
  { id: 'hive-bare', label: 'same runtime, bare' },
  { id: 'apollo', label: '@apollo/gateway' },
  { id: 'direct', label: 'direct subgraph calls (no gateway)' },
];

/** The variants that are a gateway process, in the order they start. */
export const GATEWAYS: readonly Variant[] = VARIANTS.filter((v) => v.id !== 'direct');
/** The floor: the recorded subgraph calls replayed without a gateway. */
export const DIRECT: Variant = VARIANTS.find((v) => v.id === 'direct')!;
