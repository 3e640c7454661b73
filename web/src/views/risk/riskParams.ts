/** Most indicators the hub combines in one analysis (riskAnalysis refuses more). */
export const MAX_INDICATORS = 20;

/** Which way is better, as the hub's `betterWhen`: LOWER means a higher value is worse (more risk). */
export type Polarity = 'HIGHER' | 'LOWER';

/** What `ind` says when the viewer removed every indicator (an absent `ind` means the starting set). */
export const NO_INDICATORS = 'none';

/**
 * The analysis a viewer starts from, one indicator from each of four sectors (the documented
 * query's, docs/queries/risk-analysis.graphql): something to read and rework, never an empty page.
 */
export const STARTING_INDICATORS = 'police.violent_crime_rate:2,health.ed_self_harm_rate:1,education.chronic_absenteeism:1,social-services.food_bank_visit_rate:1';

export interface WeightedIndicator {
  indicatorId: string;
  weight: number;
  /** The viewer's polarity; undefined: the catalogue's (which a neutral indicator does not have). */
  betterWhen?: Polarity;
}

/**
 * `police.violent_crime_rate:2,health.ed_self_harm_rate:1:HIGHER` → the weighted indicators, in
 * order, each with the viewer's polarity when it overrides the catalogue's. A missing weight is 1;
 * a weight that is not a number is kept as NaN so the hub says why it refuses it.
 */
export function parseIndicators(param: string | null): WeightedIndicator[] {
  if (param === null) return parseIndicators(STARTING_INDICATORS);
  if (!param || param === NO_INDICATORS) return [];
  const seen = new Set<string>();
  const parsed: WeightedIndicator[] = [];
  for (const part of param.split(',')) {
    const [indicatorId, weight, polarity] = part.split(':');
    if (!indicatorId || seen.has(indicatorId)) continue;
    seen.add(indicatorId);
    parsed.push({
      indicatorId,
      weight: weight === undefined || weight === '' ? 1 : Number(weight),
      ...(polarity === 'HIGHER' || polarity === 'LOWER' ? { betterWhen: polarity } : {}),
    });
  }
  return parsed;
}

export function formatIndicators(indicators: WeightedIndicator[]): string {
  if (indicators.length === 0) return NO_INDICATORS;
  return indicators.map(({ indicatorId, weight, betterWhen }) => `${indicatorId}:${weight}${betterWhen ? `:${betterWhen}` : ''}`).join(',');
}
