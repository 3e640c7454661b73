/** The monthly measure rollup its indicators are read from (`<prefix>_measure_monthly`), refreshed after seeding and imports. */
export const SOCIAL_SERVICES_ROLLUPS = ['social_services_measure_monthly'] as const;
