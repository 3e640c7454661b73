/**
 * Every error code the hub puts in `extensions.code`, in one registry.
 * Clients may switch on these values; they are part of the public contract.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The bearer token is missing where required, malformed, expired or not trusted. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller may not read this field; the same code the gateway uses. */
  UNAUTHORIZED_FIELD_OR_TYPE: 'UNAUTHORIZED_FIELD_OR_TYPE',
  /** The audit entry for a sensitive read could not be written, so the data is withheld. */
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
  /** A field that reads across sectors could not reach them through the gateway. */
  GATEWAY_UNAVAILABLE: 'GATEWAY_UNAVAILABLE',
  NOT_FOUND: 'NOT_FOUND',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
