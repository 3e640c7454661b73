/** The monthly measure rollup its indicators are read from (`<prefix>_measure_monthly`), then the months it holds data of; refreshed in order after seeding and imports. */
export const HOUSING_ROLLUPS = ['housing_measure_monthly', 'housing_measure_coverage'] as const;
