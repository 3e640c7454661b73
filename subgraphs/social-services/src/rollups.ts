/** The monthly measure rollup its indicators are read from (`<prefix>_measure_monthly`), then the months it holds data of; refreshed in order after seeding and imports. */
export const SOCIAL_SERVICES_ROLLUPS = ['social_services_measure_monthly', 'social_services_measure_coverage'] as const;
