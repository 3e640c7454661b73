import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Seconds, for request latency. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds, for single SQL statements. */
const QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** How a request to a subgraph ended. */
export type SubgraphRequestOutcome = 'ok' | 'partial' | 'error' | 'refused';
/** What disclosure control did to one published value (docs/privacy.md). */
export type DisclosureOutcome = 'exact' | 'perturbed' | 'withheld';

/**
 * What one subgraph counts, in a registry of its own with the process and Node.js metrics, every
 * series labelled `subgraph`; served on its metrics port (`serveMetrics`). Labels are bounded
 * sets: never an operation name, a caller or a value.
 */
export class SubgraphMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'cswb_subgraph_requests_total',
    help: 'GraphQL requests, by outcome: ok, partial (data and errors), error (no data), refused (not admitted; see cswb_subgraph_refusals_total).',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly refusals = new Counter({
    name: 'cswb_subgraph_refusals_total',
    help: 'GraphQL requests not admitted (no or wrong client certificate, missing or invalid gateway assertion), by extensions.code.',
    labelNames: ['code'],
    registers: [this.registry],
  });
  readonly requestDuration = new Histogram({ name: 'cswb_subgraph_request_duration_seconds', help: 'Time to execute an admitted GraphQL request, audit write included.', buckets: REQUEST_BUCKETS, registers: [this.registry] });
  readonly auditWrites = new Counter({
    name: 'cswb_subgraph_audit_writes_total',
    help: 'Audit entries for reads of protected fields, by outcome: written, or failed (the response was withheld).',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly disclosureControlled = new Counter({
    name: 'cswb_subgraph_disclosure_controlled_values_total',
    help: 'Values published through disclosure control, by outcome: exact (the caller holds the rows), perturbed, withheld.',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly sqlDuration = new Histogram({ name: 'cswb_subgraph_sql_duration_seconds', help: 'Time of each SQL statement run for a request, from send to result.', buckets: QUERY_BUCKETS, registers: [this.registry] });
  readonly sqlRows = new Counter({ name: 'cswb_subgraph_sql_rows_total', help: 'Rows returned by SQL statements run for requests.', registers: [this.registry] });

  constructor(readonly subgraph: string) {
    this.registry.setDefaultLabels({ subgraph });
    collectDefaultMetrics({ register: this.registry });
  }
}
