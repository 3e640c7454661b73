import { BetterDirection, FrameworkArea, Granularity, IndicatorDefinition, IndicatorSpec } from '@cswb/subgraph-kit/vocabulary';

export const SECTOR = 'situation-table';

const SOURCE =
  "Lakeshore Situation Tables, Ontario Risk-driven Tracking Database (RTD), de-identified discussion records; rejected discussions, which record no area, apportioned over their table's catchment by residents";

/**
 * Situation Table discussions concern people at acutely elevated risk, as sensitive as child
 * protection data: counts below 10 are withheld from callers without record access (the IPC's
 * stricter de-identification thresholds; docs/privacy.md).
 */
export const SITUATION_TABLE_SMALLEST_PUBLISHED = 10;

type Description = Pick<IndicatorDefinition, 'name' | 'definition' | 'betterWhen'>;

function definition(id: string, unit: string, description: Description): IndicatorDefinition {
  return {
    id: `${SECTOR}.${id}`,
    sector: SECTOR,
    unit,
    frequency: Granularity.MONTH,
    frameworkArea: FrameworkArea.RISK_INTERVENTION,
    source: SOURCE,
    ...description,
  };
}

/** The Situation Table indicators, in catalogue order; every measure is a flow. */
export const SITUATION_TABLE_INDICATORS: readonly IndicatorSpec[] = [
  {
    numerator: 'discussions',
    definition: definition('discussions', 'count', {
      name: 'Situation Table discussions',
      definition:
        'Situations discussed at a Situation Table: those meeting the acutely elevated risk (AER) threshold counted in their ' +
        "neighbourhood, rejected ones apportioned over their table's neighbourhoods by residents (so a neighbourhood's count may be fractional)",
      // More discussions can mean more risk or a better-used table: neither is better in itself.
      betterWhen: BetterDirection.NEUTRAL,
    }),
    smallestPublished: SITUATION_TABLE_SMALLEST_PUBLISHED,
  },
  {
    numerator: 'aer_met',
    denominator: { measure: 'discussions' },
    per: 100,
    definition: definition('aer_share', 'percent', {
      name: 'Discussions meeting the AER threshold',
      definition: 'Share of Situation Table discussions in which the table found acutely elevated risk (filter 2), in percent',
      betterWhen: BetterDirection.NEUTRAL,
    }),
    smallestPublished: SITUATION_TABLE_SMALLEST_PUBLISHED,
  },
  {
    numerator: 'risk_lowered',
    denominator: { measure: 'aer_met' },
    per: 100,
    definition: definition('risk_lowered_share', 'percent', {
      name: 'AER situations concluded with risk lowered',
      definition:
        'Share of discussions meeting the AER threshold that the table concluded with overall risk lowered (connected to services or not), in percent',
      betterWhen: BetterDirection.HIGHER,
    }),
    smallestPublished: SITUATION_TABLE_SMALLEST_PUBLISHED,
  },
];
