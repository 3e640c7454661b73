import { ErrorCode } from '@cswb/contract/errors';
import { SERVICE_ASSERTION_HEADER } from '@cswb/contract/trust';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { traceHeaders } from '@cswb/subgraph-kit/telemetry';
import { GraphQLError } from 'graphql';
import type { AreaKind } from '../entities/AreaKind';
import type { AreaValues } from './scoreAreas';

/** The profile field a sector adds to Area: its name in camel case (`social-services` → `socialServices`). */
export function profileField(sector: string): string {
  return sector.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

interface SeriesResult {
  indicator: { id: string };
  observations: { value: number | null }[];
}

/**
 * Reads the chosen indicators of every area of a kind through the gateway, on the caller's
 * behalf: planning signs the request with its own certificate's key (its service identity) and
 * presents the assertion the gateway gave it for this caller, so the sectors apply their access
 * rules and disclosure control exactly as they would to the caller (docs/security.md).
 */
export async function fetchIndicatorValues(
  ctx: SubgraphContext<unknown>,
  indicatorsBySector: Map<string, string[]>,
  query: { kind: AreaKind; from: string; to: string },
): Promise<{ areaIds: string[]; values: AreaValues }> {
  const url = ctx.gatewayUrl?.();
  if (!url) throw new GraphQLError('Risk analysis needs the gateway: set GATEWAY_URL', { extensions: { code: ErrorCode.GATEWAY_UNAVAILABLE } });
  const sectors = [...indicatorsBySector.keys()];
  const variables: Record<string, unknown> = { ...query };
  const selections = sectors.map((sector, i) => {
    variables[`ids${i}`] = indicatorsBySector.get(sector);
    return `s${i}: ${profileField(sector)} { indicators(from: $from, to: $to, granularity: YEAR, ids: $ids${i}) { indicator { id } observations { value } } }`;
  });
  const document = `query RiskAnalysisValues($kind: AreaKind, $from: LocalDate!, $to: LocalDate!, ${sectors.map((_, i) => `$ids${i}: [ID!]`).join(', ')}) {
    areas(kind: $kind) { id ${selections.join(' ')} }
  }`;
  let body: { data?: { areas: Record<string, unknown>[] }; errors?: { message: string }[] };
  try {
    const request = JSON.stringify({ query: document, variables });
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': ctx.requestId,
        ...traceHeaders(),
        ...(ctx.authorization ? { authorization: ctx.authorization } : {}),
        ...(ctx.signServiceRequest ? { [SERVICE_ASSERTION_HEADER]: await ctx.signServiceRequest(request) } : {}),
      },
      body: request,
      signal: AbortSignal.timeout(30_000),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw new GraphQLError(`Risk analysis could not reach the gateway: ${(error as Error).message}`, { extensions: { code: ErrorCode.GATEWAY_UNAVAILABLE } });
  }
  if (!body.data?.areas) {
    throw new GraphQLError(`Risk analysis could not read the indicators: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`, {
      extensions: { code: ErrorCode.GATEWAY_UNAVAILABLE },
    });
  }
  const values: AreaValues = new Map();
  for (const area of body.data.areas) {
    const byIndicator = new Map<string, number | null>();
    sectors.forEach((_, i) => {
      for (const series of ((area[`s${i}`] as { indicators?: SeriesResult[] } | null)?.indicators ?? [])) {
        const visible = series.observations.map((o) => o.value).filter((v): v is number => v !== null);
        byIndicator.set(series.indicator.id, visible.length ? visible.reduce((s, v) => s + v, 0) / visible.length : null);
      }
    });
    values.set(area.id as string, byIndicator);
  }
  return { areaIds: body.data.areas.map((a) => a.id as string), values };
}
