import { BetterDirection, FrameworkArea, Granularity, IndicatorDefinition, IndicatorSpec, LocalizedText } from '@cswb/subgraph-kit/vocabulary';

export const SECTOR = 'situation-table';

const SOURCE: LocalizedText = {
  EN: "Lakeshore Situation Tables, Ontario Risk-driven Tracking Database (RTD), de-identified discussion records; rejected discussions, which record no area, apportioned over their table's catchment by residents",
  FR:
    "Tables d'intervention de Lakeshore, Base de données de suivi axée sur les risques (RTD) de l'Ontario, dossiers de discussion anonymisés; " +
    "les discussions rejetées, qui n'indiquent aucune zone, sont réparties sur le territoire de leur table selon le nombre d'habitants",
};

/**
 * Situation Table discussions concern people at acutely elevated risk, as sensitive as child
 * protection data: counts below 10 are withheld from callers without record access (the IPC's
 * stricter de-identification thresholds; docs/privacy.md).
 */
export const SITUATION_TABLE_SMALLEST_PUBLISHED = 10;

type Description = Pick<IndicatorDefinition, 'name' | 'definition' | 'betterWhen'> & { fr: Pick<IndicatorDefinition['fr'], 'name' | 'definition'> };

const UNITS = { count: { EN: 'count', FR: 'nombre' }, percent: { EN: 'percent', FR: 'pourcentage' } } satisfies Record<string, LocalizedText>;

function definition(id: string, unit: keyof typeof UNITS, { fr, ...description }: Description): IndicatorDefinition {
  return {
    id: `${SECTOR}.${id}`,
    sector: SECTOR,
    unit: UNITS[unit].EN,
    frequency: Granularity.MONTH,
    frameworkArea: FrameworkArea.RISK_INTERVENTION,
    source: SOURCE.EN,
    ...description,
    fr: { ...fr, unit: UNITS[unit].FR, source: SOURCE.FR },
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
      fr: {
        name: "Discussions des tables d'intervention",
        definition:
          "Situations discutées à une table d'intervention : celles qui atteignent le seuil du risque aigu élevé (RAE) sont comptées dans leur " +
          "quartier, les situations rejetées sont réparties entre les quartiers de leur table selon le nombre d'habitants (le nombre d'un quartier peut donc être fractionnaire)",
      },
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
      fr: {
        name: 'Discussions atteignant le seuil du RAE',
        definition: "Proportion des discussions d'une table d'intervention dans lesquelles la table a constaté un risque aigu élevé (filtre 2), en pourcentage",
      },
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
      fr: {
        name: 'Situations de RAE conclues avec un risque réduit',
        definition:
          'Proportion des discussions atteignant le seuil du RAE que la table a conclues avec un risque global réduit (avec ou sans orientation vers des services), en pourcentage',
      },
    }),
    smallestPublished: SITUATION_TABLE_SMALLEST_PUBLISHED,
  },
];
