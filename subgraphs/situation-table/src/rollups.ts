/** The monthly measure rollup its indicators are read from (`<prefix>_measure_monthly`), then the months it holds data of; refreshed in order after seeding and imports. */
export const SITUATION_TABLE_ROLLUPS = ['situation_table_measure_monthly', 'situation_table_measure_coverage'] as const;
