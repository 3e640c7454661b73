import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ErrorCode } from '@cswb/contract/errors';

/** Seconds, for the hub's latency histograms. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What refused a request (or a field of it), by the error code the client got. */
export const REFUSAL_RULES: Readonly<Partial<Record<ErrorCode, string>>> = {
  [ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE]: 'access_rule',
  [ErrorCode.UNAUTHENTICATED]: 'authentication',
  [ErrorCode.OPERATION_TOO_DEEP]: 'operation_limit',
  [ErrorCode.TOO_MANY_ALIASES]: 'operation_limit',
  [ErrorCode.TOO_MANY_TOKENS]: 'operation_limit',
  [ErrorCode.OPERATION_TOO_COSTLY]: 'operation_limit',
  [ErrorCode.TOO_MANY_ROOT_FIELDS]: 'operation_limit',
  [ErrorCode.TOO_MANY_FIELDS]: 'operation_limit',
  [ErrorCode.TOO_MANY_DIRECTIVES]: 'operation_limit',
  [ErrorCode.RATE_LIMITED]: 'rate_limit',
  [ErrorCode.PERSISTED_QUERY_ONLY]: 'persisted_document',
  [ErrorCode.PERSISTED_QUERY_NOT_FOUND]: 'persisted_document',
  [ErrorCode.CSRF_PREVENTED]: 'http_request',
  [ErrorCode.BAD_REQUEST]: 'http_request',
  [ErrorCode.PAYLOAD_TOO_LARGE]: 'http_request',
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 'http_request',
  [ErrorCode.METHOD_NOT_ALLOWED]: 'http_request',
};

/** Each subgraph circuit breaker's state as the gauge reports it. */
export const CIRCUIT_STATE_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;

/**
 * What one gateway counts, in a registry of its own (several gateways can run in one process),
 * with the process and Node.js metrics; Hive Gateway's Prometheus plugin (`useHivePrometheus`)
 * adds its metrics to the same registry. Served at /metrics. Labels are bounded sets (status,
 * code, subgraph, outcome, rule): never an operation name, a caller or a value.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({ name: 'cswb_gateway_requests_total', help: 'GraphQL requests answered, by HTTP status.', labelNames: ['status'], registers: [this.registry] });
  readonly requestDuration = new Histogram({ name: 'cswb_gateway_request_duration_seconds', help: 'Time to answer a GraphQL request.', buckets: DURATION_BUCKETS, registers: [this.registry] });
  readonly errors = new Counter({ name: 'cswb_gateway_errors_total', help: 'Errors returned to clients, by extensions.code.', labelNames: ['code'], registers: [this.registry] });
  readonly refusals = new Counter({
    name: 'cswb_gateway_refusals_total',
    help: 'Requests or fields refused, by the rule that refused them (access_rule, authentication, operation_limit, rate_limit, persisted_document, http_request) and extensions.code.',
    labelNames: ['rule', 'code'],
    registers: [this.registry],
  });
  readonly subgraphFetches = new Counter({
    name: 'cswb_gateway_subgraph_fetches_total',
    help: 'Fetches from the gateway to a subgraph, by outcome (ok, error, unavailable, timeout, deadline, circuit_open).',
    labelNames: ['subgraph', 'outcome'],
    registers: [this.registry],
  });
  readonly subgraphDuration = new Histogram({ name: 'cswb_gateway_subgraph_fetch_duration_seconds', help: 'Time a subgraph took to answer one fetch.', labelNames: ['subgraph'], buckets: DURATION_BUCKETS, registers: [this.registry] });
  readonly rateLimited = new Counter({ name: 'cswb_gateway_rate_limited_total', help: 'Requests refused by the rate limit.', registers: [this.registry] });
  readonly circuitState = new Gauge({ name: 'cswb_gateway_circuit_state', help: 'Each subgraph circuit breaker: 0 closed, 1 half-open, 2 open.', labelNames: ['subgraph'], registers: [this.registry] });
  readonly answerCache = new Counter({
    name: 'cswb_gateway_answer_cache_total',
    help: 'Questions looked up in the answer cache, by outcome (served: every subgraph confirmed it; unconfirmed: kept but answered afresh; kept: answered afresh and kept).',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly disclosureControlled = new Counter({
    name: 'cswb_gateway_disclosure_controlled_values_total',
    help: 'Values returned to clients marked by disclosure control, by outcome (perturbed, withheld); counted where the client selected the perturbed or suppressed marker.',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** One error returned to a client: counted by its code, and as a refusal when its code is a rule's. */
  countError(code: string): void {
    this.errors.inc({ code });
    const rule = REFUSAL_RULES[code as ErrorCode];
    if (rule) this.refusals.inc({ rule, code });
  }

  /** The Prometheus text format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
