/**
 * The monthly measure rollup its indicators are read from, then which services hold records
 * where (`rowOwnershipView`), then the months the rollup holds data of; refreshed together, in order.
 */
export const POLICE_ROLLUPS = ['police_measure_monthly', 'police_area_agency', 'police_measure_coverage'] as const;
