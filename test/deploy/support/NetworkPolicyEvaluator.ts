import type { KubeObject } from './renderOverlay';

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}
interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface PolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}
interface PolicyRule {
  from?: PolicyPeer[];
  to?: PolicyPeer[];
  ports?: PolicyPort[];
}
interface NetworkPolicySpec {
  podSelector: LabelSelector;
  policyTypes?: ('Ingress' | 'Egress')[];
  ingress?: PolicyRule[];
  egress?: PolicyRule[];
}

/** A pod (namespace and labels) or an address outside the cluster. */
export type Endpoint = { namespace: string; labels: Record<string, string> } | { ip: string };
export interface Connection {
  port: number;
  protocol?: 'TCP' | 'UDP';
}

function matchesSelector(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const expression of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, expression.key);
    const value = labels[expression.key];
    switch (expression.operator) {
      case 'In':
        if (!has || !(expression.values ?? []).includes(value)) return false;
        break;
      case 'NotIn':
        if (has && (expression.values ?? []).includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        throw new Error(`unknown selector operator ${String(expression.operator)}`);
    }
  }
  return true;
}

function ipv4ToNumber(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`not an IPv4 address: ${ip}`);
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const prefix = Number(bits);
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return ((ipv4ToNumber(ip) & mask) >>> 0) === ((ipv4ToNumber(base) & mask) >>> 0);
}

/**
 * Whether a connection is allowed under a set of rendered NetworkPolicies, by the rules of the
 * NetworkPolicy API: a pod no policy selects for a direction is open in it; a selected pod admits
 * only what some rule of some selecting policy allows (rules add up, nothing subtracts); a connection
 * needs the source's egress and the destination's ingress. Peers: podSelector alone means the
 * policy's namespace, namespaceSelector alone every pod of the matching namespaces, both together
 * both. Named ports are refused (the manifests use numbers) rather than guessed.
 */
export class NetworkPolicyEvaluator {
  private readonly policies: { namespace: string; spec: NetworkPolicySpec }[];

  constructor(
    objects: KubeObject[],
    private readonly namespaceLabels: (namespace: string) => Record<string, string>,
  ) {
    this.policies = objects
      .filter((object) => object.kind === 'NetworkPolicy')
      .map((object) => {
        if (!object.metadata.namespace) throw new Error(`NetworkPolicy ${object.metadata.name} has no namespace`);
        return { namespace: object.metadata.namespace, spec: object.spec as unknown as NetworkPolicySpec };
      });
  }

  allows(from: Endpoint, to: Endpoint, connection: Connection): boolean {
    return this.egressAllows(from, to, connection) && this.ingressAllows(from, to, connection);
  }

  egressAllows(from: Endpoint, to: Endpoint, connection: Connection): boolean {
    if ('ip' in from) return true;
    return this.directionAllows('Egress', from, to, connection);
  }

  ingressAllows(from: Endpoint, to: Endpoint, connection: Connection): boolean {
    if ('ip' in to) return true;
    return this.directionAllows('Ingress', to, from, connection);
  }

  private directionAllows(direction: 'Ingress' | 'Egress', pod: { namespace: string; labels: Record<string, string> }, peer: Endpoint, connection: Connection): boolean {
    const selecting = this.policies.filter(
      ({ namespace, spec }) => namespace === pod.namespace && matchesSelector(spec.podSelector, pod.labels) && this.policyTypes(spec).includes(direction),
    );
    if (selecting.length === 0) return true;
    return selecting.some(({ namespace, spec }) =>
      (direction === 'Ingress' ? spec.ingress ?? [] : spec.egress ?? []).some((rule) => {
        const peers = direction === 'Ingress' ? rule.from : rule.to;
        const peerMatches = !peers || peers.length === 0 || peers.some((p) => this.peerMatches(p, namespace, peer));
        return peerMatches && this.portMatches(rule.ports, connection);
      }),
    );
  }

  private policyTypes(spec: NetworkPolicySpec): string[] {
    if (spec.policyTypes) return spec.policyTypes;
    return spec.egress ? ['Ingress', 'Egress'] : ['Ingress'];
  }

  private peerMatches(peer: PolicyPeer, policyNamespace: string, endpoint: Endpoint): boolean {
    if (peer.ipBlock) {
      if (!('ip' in endpoint)) return false;
      return inCidr(endpoint.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((cidr) => inCidr(endpoint.ip, cidr));
    }
    if ('ip' in endpoint) return false;
    const namespaceMatches = peer.namespaceSelector
      ? matchesSelector(peer.namespaceSelector, this.namespaceLabels(endpoint.namespace))
      : endpoint.namespace === policyNamespace;
    const podMatches = peer.podSelector ? matchesSelector(peer.podSelector, endpoint.labels) : true;
    return namespaceMatches && podMatches;
  }

  private portMatches(ports: PolicyPort[] | undefined, connection: Connection): boolean {
    if (!ports || ports.length === 0) return true;
    return ports.some((p) => {
      if ((p.protocol ?? 'TCP') !== (connection.protocol ?? 'TCP')) return false;
      if (p.port === undefined) return true;
      if (typeof p.port === 'string') throw new Error(`named port "${p.port}" in a NetworkPolicy: use the number`);
      return p.endPort === undefined ? connection.port === p.port : connection.port >= p.port && connection.port <= p.endPort;
    });
  }
}
