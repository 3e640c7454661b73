import * as path from 'node:path';
import type { GatewayVariant } from '../gatewayProcess';

/** The compiled script each gateway variant runs in (a child process of its own). */
export const GATEWAY_SCRIPT = path.join(__dirname, '..', 'gatewayProcess.js');

export interface Variant {
  id: GatewayVariant | 'direct';
  label: string;
}

export const VARIANTS: readonly Variant[] = [
  { id: 'secure', label: 'cswb gateway, security on' },
  { id: 'hive-bare', label: 'same runtime, bare' },
  { id: 'apollo', label: '@apollo/gateway' },
  { id: 'direct', label: 'direct subgraph calls (no gateway)' },
];

/** The variants that are a gateway process, in the order they start. */
export const GATEWAYS: readonly Variant[] = VARIANTS.filter((v) => v.id !== 'direct');
/** The floor: the recorded subgraph calls replayed without a gateway. */
export const DIRECT: Variant = VARIANTS.find((v) => v.id === 'direct')!;
