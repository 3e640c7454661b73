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
  /** An `_entities` request carries more representations than the subgraph's MAX_REPRESENTATIONS (HTTP 400); nothing ran. */
  TOO_MANY_REPRESENTATIONS: 'TOO_MANY_REPRESENTATIONS',
  /** The operation nests fields deeper than MAX_DEPTH. */
  OPERATION_TOO_DEEP: 'OPERATION_TOO_DEEP',
  /** The operation uses more aliases than MAX_ALIASES. */
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  /** The document has more tokens than MAX_TOKENS. */
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  /** The operation's estimated cost exceeds MAX_COST. */
  OPERATION_TOO_COSTLY: 'OPERATION_TOO_COSTLY',
  /** The operation selects more root fields than MAX_ROOT_FIELDS. */
  TOO_MANY_ROOT_FIELDS: 'TOO_MANY_ROOT_FIELDS',
  /** The operation selects more fields than MAX_FIELDS once its fragments are expanded. */
  TOO_MANY_FIELDS: 'TOO_MANY_FIELDS',
  /** The operation uses more directives than MAX_DIRECTIVES. */
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  /** A subgraph spent longer than EXECUTION_BUDGET_MS on the request and stopped it (HTTP 503). */
  EXECUTION_BUDGET_EXCEEDED: 'EXECUTION_BUDGET_EXCEEDED',
  /** Only persisted operations (sent by hash) may run for this caller. */
  PERSISTED_QUERY_ONLY: 'PERSISTED_QUERY_ONLY',
  /** The hash sent is not in the persisted documents manifest. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** The client sent more requests than RATE_LIMIT_PER_MINUTE (HTTP 429). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A subgraph did not answer, answered with an HTTP error, took longer than its timeout, or its circuit breaker is open (`extensions.reason`). */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** A subgraph was called by something other than the hub's gateway (HTTP 403): no, or the wrong, client certificate. */
  UNTRUSTED_CLIENT: 'UNTRUSTED_CLIENT',
  /** The gateway's signed per-request assertion is missing, forged, expired, replayed or meant for another subgraph or body (HTTP 401). */
  INVALID_ASSERTION: 'INVALID_ASSERTION',
  /** The HTTP request is malformed: parameters or body that are not a GraphQL request (invalid JSON or UTF-8, wrong types); HTTP 400. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A POST that a browser could send from another site without a preflight (form or text body, no preflight header); HTTP 400, never executed. */
  CSRF_PREVENTED: 'CSRF_PREVENTED',
  /** The request body is larger than MAX_REQUEST_BODY_BYTES (HTTP 413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The body's content type or content encoding is not one the hub reads (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** GraphQL is asked with GET or POST only (HTTP 405). */
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
