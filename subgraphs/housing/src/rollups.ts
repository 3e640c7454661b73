/** The monthly measure rollup its indicators are read from (`<prefix>_measure_monthly`), refreshed after seeding and imports. */
export const HOUSING_ROLLUPS = ['housing_measure_monthly'] as const;
