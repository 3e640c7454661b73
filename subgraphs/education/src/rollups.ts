/** The monthly measure rollup its indicators are read from (`<prefix>_measure_monthly`), then the months it holds data of; refreshed in order after seeding and imports. */
export const EDUCATION_ROLLUPS = ['education_measure_monthly', 'education_measure_coverage'] as const;
