import { createHash, X509Certificate } from 'node:crypto';
import type { Caller, Purpose } from '../auth/Caller';

/** The header the gateway's per-request assertion travels in. */
export const ASSERTION_HEADER = 'x-cswb-assertion';
/** The header a member (e.g. planning) signs its own calls to the gateway with. */
export const SERVICE_ASSERTION_HEADER = 'x-cswb-service-assertion';
/** `iss` of every assertion the gateway signs. */
export const GATEWAY_ISSUER = 'cswb-gateway';

/**
 * The assertions the gateway signs, by the `typ` of their header: one per subgraph fetch (for one
 * subgraph, `aud`, and one body, `bh`), and one per round of answer confirmations (for the
 * subgraphs of a kept answer, `aud` a list, each with its own body, `bhs`). A subgraph accepts
 * each kind only where it belongs: a confirmation's assertion never runs a GraphQL request.
 */
export const ASSERTION_TYPES = { fetch: 'cswb-assertion+jwt', confirmation: 'cswb-confirmation+jwt' } as const;
export type AssertionKind = keyof typeof ASSERTION_TYPES;

/** What the gateway vouches for, per subgraph fetch. */
export interface AssertionClaims {
  /** The gateway's own id of the client request (never the client's). */
  rid: string;
  /** The client's operation name, when a GraphQL name. */
  op?: string;
  /** The caller, as the gateway verified it; `anon` when no token was sent. */
  anon: boolean;
  sub?: string;
  agency?: string;
  sector?: string;
  scope?: string;
  purpose?: Purpose;
  /** A member acting on the caller's behalf (e.g. planning's risk analysis). */
  act?: string;
  /** base64url SHA-256 of the exact request body (or query string of a GET); a fetch's. */
  bh?: string;
  /** A confirmation's: each subgraph's body hash, by the subgraph's name (each is sent only its own body). */
  bhs?: Record<string, string>;
  /** RFC 8705: the SHA-256 thumbprint of the gateway's TLS certificate. */
  cnf: { 'x5t#S256': string };
}

/** What a subgraph knows about a request once the assertion verified. */
export interface AssertedRequest {
  caller: Caller;
  requestId: string;
  operationName: string | null;
  /** The member acting for the caller, if any. */
  actor: string | null;
  /** The assertion itself: planning forwards it to the gateway to act for the caller. */
  assertion: string;
}

export function bodyHash(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

/** RFC 8705 `x5t#S256`: base64url SHA-256 of the certificate's DER. */
export function certificateThumbprint(certificate: X509Certificate | Buffer): string {
  const der = Buffer.isBuffer(certificate) ? certificate : certificate.raw;
  return createHash('sha256').update(der).digest('base64url');
}

export function callerClaims(caller: Caller): Pick<AssertionClaims, 'anon' | 'sub' | 'agency' | 'sector' | 'scope' | 'purpose'> {
  if (caller.anonymous) return { anon: true };
  return {
    anon: false,
    ...(caller.subject ? { sub: caller.subject } : {}),
    ...(caller.agency ? { agency: caller.agency } : {}),
    ...(caller.sector ? { sector: caller.sector } : {}),
    ...(caller.scopes.length ? { scope: caller.scopes.join(' ') } : {}),
    ...(caller.purpose ? { purpose: caller.purpose } : {}),
  };
}
