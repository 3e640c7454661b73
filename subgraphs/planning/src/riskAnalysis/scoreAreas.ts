import { BetterDirection } from '@cswb/subgraph-kit/vocabulary';

export interface IndicatorWeight {
  indicatorId: string;
  weight: number;
  betterWhen: BetterDirection;
}

/** Mean yearly value per area and indicator; null when every value was withheld. */
export type AreaValues = Map<string, Map<string, number | null>>;

export interface ScoredContribution {
  indicatorId: string;
  value: number | null;
  zScore: number | null;
  weight: number;
  betterWhen: BetterDirection;
  contribution: number | null;
}

export interface ScoredArea {
  areaId: string;
  rank: number;
  composite: number | null;
  contributions: ScoredContribution[];
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * Toolkit tool 5, risk analysis: each indicator's values become standard scores across the
 * areas (z = (value − mean) ÷ standard deviation, sign turned so that higher is worse), an
 * area's composite is the weighted mean of the scores it has, and areas rank by composite,
 * highest first (areas with no score last, then by id).
 */
export function scoreAreas(areaIds: readonly string[], indicators: readonly IndicatorWeight[], values: AreaValues): ScoredArea[] {
  const stats = new Map<string, { mean: number; sd: number }>();
  for (const { indicatorId } of indicators) {
    const present = areaIds.map((id) => values.get(id)?.get(indicatorId)).filter((v): v is number => v !== null && v !== undefined);
    const mean = present.reduce((s, v) => s + v, 0) / (present.length || 1);
    const sd = Math.sqrt(present.reduce((s, v) => s + (v - mean) ** 2, 0) / (present.length || 1));
    stats.set(indicatorId, { mean, sd });
  }
  const scored = areaIds.map((areaId) => {
    const rows = indicators.map(({ indicatorId, weight, betterWhen }) => {
      const value = values.get(areaId)?.get(indicatorId) ?? null;
      const { mean, sd } = stats.get(indicatorId)!;
      const raw = value === null ? null : sd > 0 ? (value - mean) / sd : 0;
      const zScore = raw === null ? null : betterWhen === BetterDirection.HIGHER ? -raw : raw;
      return { indicatorId, value, zScore, weight, betterWhen };
    });
    const weights = rows.filter((r) => r.zScore !== null).reduce((s, r) => s + r.weight, 0);
    const contributions = rows
      .map((r) => ({
        indicatorId: r.indicatorId,
        value: r.value === null ? null : round(r.value),
        zScore: r.zScore === null ? null : round(r.zScore),
        weight: r.weight,
        betterWhen: r.betterWhen,
        contribution: r.zScore === null || weights === 0 ? null : round((r.weight * r.zScore) / weights),
      }))
      .sort((a, b) => (b.contribution ?? -Infinity) - (a.contribution ?? -Infinity));
    const composite = weights === 0 ? null : round(rows.reduce((s, r) => s + (r.zScore === null ? 0 : r.weight * r.zScore), 0) / weights);
    return { areaId, composite, contributions };
  });
  scored.sort((a, b) => (b.composite ?? -Infinity) - (a.composite ?? -Infinity) || a.areaId.localeCompare(b.areaId));
  return scored.map((area, index) => ({ ...area, rank: index + 1 }));
}
