/**
 * Disclosure control settings (docs/privacy.md). They apply to callers without record-level
 * rights over the rows counted; such callers never see an exact count.
 */

/**
 * The smallest non-zero count ever published (T): 1 … T − 1 come out as 0 or as T and more.
 * An indicator may set a larger one (`smallestPublished`) for a sensitive measure.
 */
export const DEFAULT_SMALLEST_PUBLISHED = 5;

/**
 * The cell-key perturbation's public parameters (assume every attacker knows them): the noise of
 * a count is at most MAX_NOISE either way (raised to T − 1 for a larger T, so that a true 1 can
 * reach T), mean 0, variance at most NOISE_VARIANCE where the allowed values permit.
 */
export const MAX_NOISE = 4;
export const NOISE_VARIANCE = 3;

/** Areas with fewer residents than this are reported by YEAR only: MONTH and QUARTER are withheld. */
export const MIN_POPULATION_FOR_SUBANNUAL = 2_000;
