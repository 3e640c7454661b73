/** The monthly measure rollup its indicators are read from, then which services hold records where (`rowOwnershipView`); refreshed together. */
export const POLICE_ROLLUPS = ['police_measure_monthly', 'police_area_agency'] as const;
