/** The monthly measure rollup its indicators are read from (`<prefix>_measure_monthly`), refreshed after seeding and imports. */
export const SITUATION_TABLE_ROLLUPS = ['situation_table_measure_monthly'] as const;
