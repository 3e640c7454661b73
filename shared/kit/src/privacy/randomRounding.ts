import { createHash } from 'node:crypto';
import { ROUNDING_BASE } from './privacyConfig';

/**
 * The identity of a published cell: what is counted (sector and measure), where (area id),
 * when (period start and granularity) and, for a breakdown, which part (e.g. reason and age
 * group). The same identity always draws the same number, in every request and process.
 */
export function cellKey(parts: readonly (string | number | null | undefined)[]): string {
  return parts.map((part) => (part == null ? '' : String(part))).join('|');
}

/** A number in [0, 1) drawn from the SHA-256 of the key: deterministic, uniform over keys. */
export function uniformDraw(key: string): number {
  const digest = createHash('sha256').update(key, 'utf8').digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * Unbiased random rounding to a multiple of `base`: the count is first rounded to an integer
 * v (stocks are averages); with r = v mod base, the result is v − r + base with probability
 * r / base and v − r otherwise, the draw coming from the cell's key. So the expected value
 * is v, a multiple of the base is left as it is, and a result is always one of the two
 * multiples of the base around v.
 */
export function randomRound(count: number, key: string, base: number = ROUNDING_BASE): number {
  const v = Math.round(count);
  const r = ((v % base) + base) % base;
  if (r === 0) return v;
  return uniformDraw(key) < r / base ? v - r + base : v - r;
}
