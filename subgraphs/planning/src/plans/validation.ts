import { BadUserInputError } from '@cswb/contract/errors';
import { Granularity, IndicatorDefinition } from '@cswb/subgraph-kit/vocabulary';
import { MAX_BUDGET, MAX_ORGANISATION_LENGTH } from './rules';

/**
 * Up-front checks of mutation inputs. Each throws a BadUserInputError whose message names the
 * field as the caller wrote it (`input.budget`) and says what was wrong with what was sent.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function checkUuid(value: string, field: string): string {
  if (!isUuid(value)) throw new BadUserInputError(`${field} must be a UUID, got "${value}"`, field);
  return value.toLowerCase();
}

/** What free text must not hold: the plan is public and about the community, never a person. */
const PERSONAL_DATA: readonly [RegExp, string][] = [
  [/[^\s@]+@[^\s@]+\.[^\s@]+/, 'an email address'],
  [/(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/, 'a phone number'],
  [/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/, 'a date (such as a date of birth)'],
  [/\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/, 'a postal code'],
  [/\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Crescent|Cres|Court|Ct|Lane|Ln|Way|Place|Pl)\b/, 'a street address'],
  [/\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z]|\bDr\.\s+[A-Z]/, "a person's title and name"],
  [/\d{7,}/, 'an identifying number'],
];

/** Trims and collapses whitespace, then checks the length and that nothing identifies a person. */
export function checkText(value: string, field: string, maxLength: number): string {
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length < 1 || text.length > maxLength) {
    throw new BadUserInputError(`${field} must be 1 to ${maxLength} characters, got ${text.length}`, field);
  }
  for (const [pattern, what] of PERSONAL_DATA) {
    if (pattern.test(text)) throw new BadUserInputError(`${field} must not identify a person: it looks like it holds ${what}`, field);
  }
  return text;
}

export function checkOrganisation(value: string, field: string): string {
  return checkText(value, field, MAX_ORGANISATION_LENGTH);
}

/** A list of organisations: each checked, none twice (case aside), none equal to `exclude`. */
export function checkOrganisations(values: readonly string[], field: string, max: number, exclude?: { value: string; field: string }): string[] {
  if (values.length > max) throw new BadUserInputError(`${field} must list at most ${max} organisations, got ${values.length}`, field);
  const seen = new Set<string>();
  return values.map((value, i) => {
    const organisation = checkOrganisation(value, `${field}[${i}]`);
    const key = organisation.toLowerCase();
    if (seen.has(key)) throw new BadUserInputError(`${field} lists "${organisation}" twice`, field);
    if (exclude && key === exclude.value.toLowerCase()) {
      throw new BadUserInputError(`${field} must not repeat ${exclude.field} "${organisation}"`, field);
    }
    seen.add(key);
    return organisation;
  });
}

export function checkBudget(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0) throw new BadUserInputError(`${field} must be 0 or more, got ${value}`, field);
  if (value > MAX_BUDGET) throw new BadUserInputError(`${field} must be at most ${MAX_BUDGET}, got ${value}`, field);
  if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) {
    throw new BadUserInputError(`${field} must be in whole cents, got ${value}`, field);
  }
  return Math.round(value * 100) / 100;
}

/** `later` after `earlier` (strictly, or on the same day too when `sameDayAllowed`). */
export function checkDateOrder(earlier: { value: string; field: string }, later: { value: string; field: string }, sameDayAllowed: boolean): void {
  const ok = sameDayAllowed ? later.value >= earlier.value : later.value > earlier.value;
  if (!ok) {
    throw new BadUserInputError(
      `${later.field} (${later.value}) must be ${sameDayAllowed ? 'on or after' : 'after'} ${earlier.field} (${earlier.value})`,
      later.field,
    );
  }
}

/** Distinct ids, in the order first given. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

const GRANULARITY_MONTHS: Record<Granularity, number> = { [Granularity.MONTH]: 1, [Granularity.QUARTER]: 3, [Granularity.YEAR]: 12 };

/** True when periods of `granularity` are shorter than those of `than`. */
export function isFiner(granularity: Granularity, than: Granularity): boolean {
  return GRANULARITY_MONTHS[granularity] < GRANULARITY_MONTHS[than];
}

function isValidDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A baseline period: a label as the indicator series write them (2023, 2023-Q4, 2023-06), no
 * finer than the indicator is collected, or a date (a point-in-time value).
 */
export function checkBaselinePeriod(value: string, field: string, indicator: IndicatorDefinition): string {
  const period = value.trim();
  const label = /^(\d{4})(?:-Q([1-4])|-(\d{2}))?$/.exec(period);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  const invalid = () =>
    new BadUserInputError(`${field} must be a period label (2023, 2023-Q4, 2023-06) or a date (2023-06-30), got "${value}"`, field);
  if (date) {
    if (!isValidDate(+date[1], +date[2], +date[3])) throw invalid();
    return period;
  }
  if (!label) throw invalid();
  if (label[3] !== undefined && (+label[3] < 1 || +label[3] > 12)) throw invalid();
  const granularity = label[2] ? Granularity.QUARTER : label[3] ? Granularity.MONTH : Granularity.YEAR;
  if (isFiner(granularity, indicator.frequency)) {
    throw new BadUserInputError(
      `${field} ${period} is a ${granularity} period, finer than ${indicator.id} is collected (${indicator.frequency})`,
      field,
    );
  }
  return period;
}

/** Organisation names compare without case or extra spaces. */
export function sameOrganisation(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The same values, in any order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i]);
}
