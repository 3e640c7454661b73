/**
 * Disclosure control settings (docs/privacy.md). They apply to callers without record-level
 * rights in the sector that owns the data; such callers never see an exact count.
 */

/**
 * Counts from 1 up to this value minus one are suppressed unless the indicator sets its own
 * `suppressionThreshold`: Ottawa Public Health's practice of suppressing counts below 5.
 */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** Every other published count is randomly rounded to a multiple of this base (Statistics Canada's base 5). */
export const ROUNDING_BASE = 5;

/** Areas with fewer residents than this are reported by YEAR only: MONTH and QUARTER are suppressed. */
export const MIN_POPULATION_FOR_SUBANNUAL = 2_000;
