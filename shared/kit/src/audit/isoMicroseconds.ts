/**
 * Microseconds since the Unix epoch (as PostgreSQL stores a timestamptz) → UTC ISO 8601 with
 * six fractional digits, the form the audit hash covers.
 */
export function isoMicroseconds(epochMicroseconds: bigint): string {
  const micros = ((epochMicroseconds % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const seconds = (epochMicroseconds - micros) / 1_000_000n;
  const whole = new Date(Number(seconds) * 1000).toISOString();
  return `${whole.slice(0, 19)}.${micros.toString().padStart(6, '0')}Z`;
}
