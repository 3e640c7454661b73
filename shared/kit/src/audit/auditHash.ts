import { createHash } from 'node:crypto';
import { auditCanonicalText, AuditHashedFields } from './auditCanonicalText';

/** The hash an entry must carry: SHA-256 (hex) of its canonical text in UTF-8. */
export function auditHash(entry: AuditHashedFields): string {
  return createHash('sha256').update(auditCanonicalText(entry), 'utf8').digest('hex');
}
