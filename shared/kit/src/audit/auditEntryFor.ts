import type { Caller, ProtectedRead } from '@cswb/contract/auth';
import type { AuditEntryInput } from './writeAuditEntry';

/**
 * The audit entry for one request's protected reads: who asked (from the verified token),
 * which fields, with which arguments (each distinct set once per field), and how many rows.
 */
export function auditEntryFor(request: {
  caller: Caller;
  requestId: string;
  operationName: string | null;
  reads: readonly ProtectedRead[];
}): AuditEntryInput {
  const argumentsByField: Record<string, Record<string, unknown>[]> = {};
  const seen = new Set<string>();
  let rowsReturned = 0;
  for (const read of request.reads) {
    rowsReturned += read.rows;
    const key = `${read.coordinate}\u0000${JSON.stringify(read.args)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (argumentsByField[read.coordinate] ??= []).push(read.args);
  }
  return {
    requestId: request.requestId,
    subject: request.caller.subject,
    agency: request.caller.agency,
    sector: request.caller.sector,
    purpose: request.caller.purpose,
    operationName: request.operationName,
    fields: Object.keys(argumentsByField),
    arguments: argumentsByField,
    rowsReturned,
  };
}
