/** Each sector's profile field on an Area, by the sector's catalogue name. */
export const SECTOR_FIELDS = {
  police: 'police',
  health: 'health',
  education: 'education',
  housing: 'housing',
  'social-services': 'socialServices',
  'situation-table': 'situationTable',
} as const;

export type SectorField = (typeof SECTOR_FIELDS)[keyof typeof SECTOR_FIELDS];

export function sectorFieldOf(sector: string): SectorField | undefined {
  return (SECTOR_FIELDS as Record<string, SectorField>)[sector];
}

interface Series<O> {
  indicator?: { id: string };
  observations: O[];
}
type Profiles<O> = Partial<Record<SectorField, { indicators: Series<O>[] } | null>>;

/** Every observation an area's sector profiles returned (each sector answers only for its own ids). */
export function observationsOf<O>(area: Profiles<O>): O[] {
  return Object.values(SECTOR_FIELDS).flatMap((field) => area[field]?.indicators.flatMap((s) => s.observations) ?? []);
}

/** The observations of one indicator, from the sector that owns it. */
export function seriesOf<O>(area: Profiles<O>, sector: string, indicatorId: string): O[] {
  const field = sectorFieldOf(sector);
  return (field && area[field]?.indicators.find((s) => s.indicator?.id === indicatorId)?.observations) ?? [];
}
