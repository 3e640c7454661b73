import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { SignJWT } from 'jose';
import { grantFor } from '@cswb/contract/auth';

/** A fresh development secret and a planner's bearer header signed with it (dev issuer and audience). */
export async function plannerCredentials(): Promise<{ secret: string; headers: Record<string, string> }> {
  const secret = randomBytes(32).toString('hex');
  const planner = grantFor('planner');
  return { secret, headers: await benchBearer(secret, 'bench-planner', { scope: planner.scopes.join(' '), purpose: planner.purpose ?? undefined }) };
}

/** A bearer header with these claims, signed with the bench's development secret (dev issuer and audience). */
export async function benchBearer(secret: string, subject: string, claims: Record<string, string | undefined>): Promise<Record<string, string>> {
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer('cswb-hub-dev')
    .setAudience('cswb-hub')
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));
  return { authorization: `Bearer ${token}` };
}

/**
 * The environment of the bench's child processes (subgraphs, gateways): production mode, the
 * seeded data set of this size, the secret the planner token is signed with, and nothing from the
 * calling shell that would change what is measured (ports, key sources, persisted-only mode).
 */
export function benchChildEnv(size: string, secret: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // What the production entry points default to: graphql-js skips its development checks.
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    SEED_SIZE: size,
    CSWB_DATA_DIR: process.env.CSWB_BENCH_DATA_DIR ?? path.join('.data', `bench-${size}`),
    JWT_DEV_SECRET: secret,
    // One load client is one caller: a real per-caller limit would measure itself. Set out of reach
    // rather than off, so its bookkeeping is still paid for.
    RATE_LIMIT_PER_MINUTE: '1000000000',
    APOLLO_TELEMETRY_DISABLED: 'true',
  };
  for (const variable of ['JWT_JWKS_URL', 'JWT_PUBLIC_KEY_FILE', 'PORT', 'HOST', 'PERSISTED_DOCUMENTS', 'CSWB_BENCH_SUBGRAPH_URLS']) delete env[variable];
  return env;
}

/** Subgraph fetches (and their seconds) per subgraph so far, read from the gateway's Prometheus `/metrics`. */
export async function subgraphFetchCounts(metricsUrl: string): Promise<Record<string, number>> {
  return parseSubgraphFetches(await (await fetch(metricsUrl)).text());
}

export async function subgraphFetchStats(metricsUrl: string): Promise<{ fetches: Record<string, number>; seconds: Record<string, number> }> {
  const text = await (await fetch(metricsUrl)).text();
  const seconds: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^cswb_gateway_subgraph_fetch_duration_seconds_sum\{subgraph="([^"]+)"\} (\S+)$/.exec(line.trim());
    if (match) seconds[match[1]] = Number(match[2]);
  }
  return { fetches: parseSubgraphFetches(text), seconds };
}

export function parseSubgraphFetches(metrics: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of metrics.split('\n')) {
    const match = /^cswb_gateway_subgraph_fetches_total\{(.*)\} (\d+(?:\.\d+)?)$/.exec(line.trim());
    const subgraph = match && /(?:^|,)subgraph="([^"]+)"/.exec(match[1])?.[1];
    if (match && subgraph) counts[subgraph] = (counts[subgraph] ?? 0) + Number(match[2]);
  }
  return counts;
}

/** Evenly spread picks: `count` of `items`, first and last included when count > 1. */
export function spreadPick<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  if (count <= 1) return items.slice(0, Math.max(0, count));
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]);
}
