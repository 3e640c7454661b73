export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures or timeouts that open a circuit. */
  failureThreshold: number;
  /** Milliseconds an open circuit waits before letting one probe through. */
  cooldownMs: number;
  now?: () => number;
  onStateChange?: (subgraphName: string, state: CircuitState) => void;
}

/** What the breaker says to a fetch about to be made. */
export type Admission = { kind: 'pass' } | { kind: 'probe' } | { kind: 'rejected'; retryAfterMs: number };

interface Circuit {
  state: CircuitState;
  consecutiveFailures: number;
  openedAt: number;
  probeInFlight: boolean;
}

/**
 * One circuit per subgraph. Closed: every fetch passes; N consecutive failures open it. Open:
 * fetches are refused at once until the cool-down has passed; then the next fetch is the one
 * probe (half-open) and the others are still refused. The probe's success closes the circuit,
 * its failure opens it for another cool-down.
 */
export class SubgraphCircuitBreakers {
  private readonly circuits = new Map<string, Circuit>();
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  private circuit(name: string): Circuit {
    let circuit = this.circuits.get(name);
    if (!circuit) {
      circuit = { state: 'closed', consecutiveFailures: 0, openedAt: 0, probeInFlight: false };
      this.circuits.set(name, circuit);
    }
    return circuit;
  }

  private moveTo(name: string, circuit: Circuit, state: CircuitState): void {
    if (circuit.state === state) return;
    circuit.state = state;
    this.options.onStateChange?.(name, state);
  }

  state(name: string): CircuitState {
    return this.circuits.get(name)?.state ?? 'closed';
  }

  admit(name: string): Admission {
    const circuit = this.circuit(name);
    if (circuit.state === 'closed') return { kind: 'pass' };
    const waited = this.now() - circuit.openedAt;
    if (circuit.state === 'open' && waited >= this.options.cooldownMs) this.moveTo(name, circuit, 'half-open');
    if (circuit.state === 'half-open' && !circuit.probeInFlight) {
      circuit.probeInFlight = true;
      return { kind: 'probe' };
    }
    return { kind: 'rejected', retryAfterMs: Math.max(0, this.options.cooldownMs - waited) };
  }

  succeeded(name: string, admission: Admission): void {
    const circuit = this.circuit(name);
    if (admission.kind === 'probe') circuit.probeInFlight = false;
    // A late answer to a fetch let through before the circuit opened does not close it: only the probe does.
    if (circuit.state === 'closed' || admission.kind === 'probe') {
      circuit.consecutiveFailures = 0;
      this.moveTo(name, circuit, 'closed');
    }
  }

  failed(name: string, admission: Admission): void {
    const circuit = this.circuit(name);
    if (admission.kind === 'probe') {
      circuit.probeInFlight = false;
      circuit.openedAt = this.now();
      this.moveTo(name, circuit, 'open');
      return;
    }
    if (circuit.state !== 'closed') return;
    circuit.consecutiveFailures += 1;
    if (circuit.consecutiveFailures >= this.options.failureThreshold) {
      circuit.openedAt = this.now();
      this.moveTo(name, circuit, 'open');
    }
  }

  /** A fetch that ended without telling anything about the subgraph (the request's own deadline ran out). */
  released(name: string, admission: Admission): void {
    if (admission.kind === 'probe') this.circuit(name).probeInFlight = false;
  }
}
