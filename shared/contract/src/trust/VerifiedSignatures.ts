/**
 * Compact JWS texts whose signature verified with one key, until they expire. The subgraphs of one
 * process share it: the one assertion of an answer confirmation round, sent to each subgraph of
 * the round, then has its ES256 signature checked once per process rather than once per subgraph
 * (`npm start` runs all seven in one). Only the signature is remembered, by the exact text and
 * for one key; every claim (type, audience, age, body hash, certificate, once only) is still
 * checked by each verifier on every request. At most `maxEntries` (the oldest go first).
 */
export class VerifiedSignatures {
  private readonly expiries = new Map<string, number>();

  constructor(readonly maxEntries = 4096) {}

  get size(): number {
    return this.expiries.size;
  }

  /** Whether `token`'s signature verified before and the token has not expired since; an expired entry is dropped. */
  has(token: string, nowMs = Date.now()): boolean {
    const expiresAtMs = this.expiries.get(token);
    if (expiresAtMs === undefined) return false;
    if (nowMs >= expiresAtMs) {
      this.expiries.delete(token);
      return false;
    }
    return true;
  }

  /** Remembers that `token`'s signature verified, until `expiresAtMs`. */
  add(token: string, expiresAtMs: number, nowMs = Date.now()): void {
    if (this.maxEntries <= 0 || nowMs >= expiresAtMs || this.expiries.has(token)) return;
    while (this.expiries.size >= this.maxEntries) this.expiries.delete(this.expiries.keys().next().value as string);
    this.expiries.set(token, expiresAtMs);
  }
}

const byKey = new Map<string, VerifiedSignatures>();

/** This process's `VerifiedSignatures` for the key of the certificate with this SHA-256 fingerprint. */
export function verifiedSignaturesOf(certificateFingerprint: string): VerifiedSignatures {
  let signatures = byKey.get(certificateFingerprint);
  if (!signatures) byKey.set(certificateFingerprint, (signatures = new VerifiedSignatures()));
  return signatures;
}
