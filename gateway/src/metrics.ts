/** A small Prometheus registry: counters and histograms with labels, rendered in the text format. */
type Labels = Record<string, string>;

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

class Counter {
  readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    const entry = this.values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.values.set(key, entry);
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines.join('\n');
  }
}

class Gauge {
  readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  set(labels: Labels, value: number): void {
    this.values.set(labelText(labels), { labels, value });
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`];
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines.join('\n');
  }
}

class Histogram {
  readonly values = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets = DURATION_BUCKETS,
  ) {}
  observe(labels: Labels, value: number): void {
    const key = labelText(labels);
    const entry = this.values.get(key) ?? { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    this.buckets.forEach((bound, i) => {
      if (value <= bound) entry.counts[i] += 1;
    });
    entry.sum += value;
    entry.count += 1;
    this.values.set(key, entry);
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { labels, counts, sum, count } of this.values.values()) {
      this.buckets.forEach((bound, i) => lines.push(`${this.name}_bucket${labelText({ ...labels, le: String(bound) })} ${counts[i]}`));
      lines.push(`${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${count}`);
      lines.push(`${this.name}_sum${labelText(labels)} ${sum}`);
      lines.push(`${this.name}_count${labelText(labels)} ${count}`);
    }
    return lines.join('\n');
  }
}

/** What the gateway counts; served at /metrics. */
export class GatewayMetrics {
  readonly requests = new Counter('cswb_gateway_requests_total', 'GraphQL requests answered, by HTTP status.');
  readonly requestDuration = new Histogram('cswb_gateway_request_duration_seconds', 'Time to answer a GraphQL request.');
  readonly errors = new Counter('cswb_gateway_errors_total', 'Errors returned to clients, by extensions.code.');
  readonly subgraphFetches = new Counter('cswb_gateway_subgraph_fetches_total', 'Fetches from the gateway to a subgraph, by outcome (ok, error, unavailable, timeout, deadline, circuit_open).');
  readonly subgraphDuration = new Histogram('cswb_gateway_subgraph_fetch_duration_seconds', 'Time a subgraph took to answer one fetch.');
  readonly rateLimited = new Counter('cswb_gateway_rate_limited_total', 'Requests refused by the rate limit.');
  readonly circuitState = new Gauge('cswb_gateway_circuit_state', 'Each subgraph circuit breaker: 0 closed, 1 half-open, 2 open.');

  render(): string {
    return `${[this.requests, this.requestDuration, this.errors, this.subgraphFetches, this.subgraphDuration, this.rateLimited, this.circuitState].map((m) => m.render()).join('\n')}\n`;
  }
}
