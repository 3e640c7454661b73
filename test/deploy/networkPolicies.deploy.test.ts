import { discoverSubgraphs } from '@cswb/cli';
import { Endpoint, NetworkPolicyEvaluator } from './support/NetworkPolicyEvaluator';
import { KubeObject, objectsOfKind, overlayNames, renderOverlay } from './support/renderOverlay';

/**
 * The rendered NetworkPolicies, evaluated (support/NetworkPolicyEvaluator.ts): only the gateway
 * reaches a subgraph, only a subgraph reaches its own database, only the gateway reaches Redis,
 * everything else is denied by default; DNS and the database operator keep working.
 */

type Pod = { namespace: string; labels: Record<string, string> };
interface Deployment extends KubeObject {
  spec: { template: { metadata: { labels: Record<string, string> } } };
}

const subgraphs = discoverSubgraphs().map((s) => s.definition);
const DNS: Pod = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };
const CNPG_OPERATOR: Pod = { namespace: 'cnpg-system', labels: { 'app.kubernetes.io/name': 'cloudnative-pg' } };
const INTERNET = { ip: '203.0.113.9' };
const PROMETHEUS: Pod = { namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'prometheus' } };
const METRICS_PORT = 9464;

describe.each(overlayNames())('overlay %s', (overlay) => {
  const objects = renderOverlay(overlay);
  const namespaceLabels = new Map(objects.filter((o) => o.kind === 'Namespace').map((o) => [o.metadata.name, o.metadata.labels ?? {}]));
  // The API server labels every namespace with its name; other labels come from the Namespace objects.
  const policies = new NetworkPolicyEvaluator(objects, (namespace) => ({ ...(namespaceLabels.get(namespace) ?? {}), 'kubernetes.io/metadata.name': namespace }));
  const podOf = (name: string): Pod => {
    const deployment = objectsOfKind<Deployment>(objects, 'Deployment').find((d) => d.metadata.name === name);
    if (!deployment) throw new Error(`no Deployment ${name} in ${overlay}`);
    return { namespace: deployment.metadata.namespace!, labels: deployment.spec.template.metadata.labels };
  };
  const gateway = podOf('gateway');
  const redis = podOf('redis');
  const clusters = objectsOfKind(objects, 'Cluster');
  /** Where a sector's database is: its CloudNativePG cluster's pods, or the address its overlay allows. */
  const databaseOf = (sector: string): Endpoint => {
    const own = podOf(sector);
    const cluster = clusters.find((c) => c.metadata.name === `${sector}-db`);
    if (cluster) return { namespace: cluster.metadata.namespace!, labels: { 'cnpg.io/cluster': cluster.metadata.name, 'cnpg.io/podRole': 'instance' } };
    const egress = objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === `${sector}-to-database` && o.metadata.namespace === own.namespace);
    const cidr = (egress?.spec as { egress: { to: { ipBlock: { cidr: string } }[] }[] }).egress[0].to[0].ipBlock.cidr;
    return { ip: cidr.split('/')[0] };
  };
  const intruderBeside = (pod: Pod): Pod => ({ namespace: pod.namespace, labels: { app: 'intruder' } });
  const tcp = (port: number) => ({ port, protocol: 'TCP' as const });

  // A pod an attacker runs may have no egress policy at all: what keeps it out is the target's
  // ingress, checked alone (admits). Between the hub's own pods both sides are checked (sends).
  const admits = (from: Endpoint, to: Endpoint, port: number) => policies.ingressAllows(from, to, tcp(port));
  const sends = (from: Endpoint, to: Endpoint, port: number) => policies.egressAllows(from, to, tcp(port));

  test.each(subgraphs.map((s) => [s.name, s.defaultPort] as const))('only the gateway reaches %s, on its port', (name, port) => {
    const subgraph = podOf(name);
    expect(policies.allows(gateway, subgraph, tcp(port))).toBe(true);
    expect(admits(gateway, subgraph, 5432)).toBe(false);
    expect(admits(intruderBeside(subgraph), subgraph, port)).toBe(false);
    expect(admits(intruderBeside(gateway), subgraph, port)).toBe(false);
    // A pod that copies the gateway's labels in a namespace of its own is not the gateway.
    expect(admits({ namespace: 'elsewhere', labels: gateway.labels }, subgraph, port)).toBe(false);
    expect(admits(redis, subgraph, port)).toBe(false);
    expect(admits(INTERNET, subgraph, port)).toBe(false);
    // Prometheus reads the metrics port, and only that; no one else does.
    expect(admits(PROMETHEUS, subgraph, METRICS_PORT)).toBe(true);
    expect(admits(PROMETHEUS, subgraph, port)).toBe(false);
    expect(admits(intruderBeside(subgraph), subgraph, METRICS_PORT)).toBe(false);
    expect(admits(INTERNET, subgraph, METRICS_PORT)).toBe(false);
    for (const other of subgraphs.filter((s) => s.name !== name)) {
      const from = podOf(other.name);
      expect({ from: other.name, admitted: admits(from, subgraph, port), sent: sends(from, subgraph, port) }).toEqual({ from: other.name, admitted: false, sent: false });
    }
  });

  test.each(subgraphs.map((s) => [s.name] as const))('only %s reaches its own database', (name) => {
    const subgraph = podOf(name);
    const database = databaseOf(name);
    expect(policies.allows(subgraph, database, tcp(5432))).toBe(true);
    expect(sends(gateway, database, 5432)).toBe(false);
    expect(sends(redis, database, 5432)).toBe(false);
    for (const other of subgraphs.filter((s) => s.name !== name)) {
      expect({ from: other.name, sent: sends(podOf(other.name), database, 5432) }).toEqual({ from: other.name, sent: false });
    }
    if ('namespace' in database) {
      for (const from of [gateway, redis, intruderBeside(subgraph), { namespace: 'elsewhere', labels: subgraph.labels }, ...subgraphs.filter((s) => s.name !== name).map((s) => podOf(s.name))]) {
        expect({ from, admitted: admits(from, database, 5432) }).toEqual({ from, admitted: false });
      }
      // The operator and the cluster's own instances (replication) keep working; no one else on 8000.
      expect(policies.allows(CNPG_OPERATOR, database, tcp(8000))).toBe(true);
      expect(policies.allows(database, database, tcp(5432))).toBe(true);
      expect(admits(intruderBeside(subgraph), database, 8000)).toBe(false);
      expect(admits({ namespace: 'elsewhere', labels: CNPG_OPERATOR.labels }, database, 8000)).toBe(false);
    }
  });

  test('only the gateway reaches Redis; anyone reaches the gateway; subgraphs reach nothing else', () => {
    expect(policies.allows(gateway, redis, tcp(6379))).toBe(true);
    expect(admits(intruderBeside(redis), redis, 6379)).toBe(false);
    expect(admits({ namespace: 'elsewhere', labels: gateway.labels }, redis, 6379)).toBe(false);
    expect(policies.allows(INTERNET, gateway, tcp(4000))).toBe(true);
    // An ingress controller in its own namespace (its egress is its own business).
    expect(policies.allows({ namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } }, gateway, tcp(4000))).toBe(true);
    expect(admits(INTERNET, gateway, 9464)).toBe(false);
    expect(sends(gateway, INTERNET, 443)).toBe(false);
    expect(sends(redis, INTERNET, 443)).toBe(false);
    for (const { name } of subgraphs) {
      const subgraph = podOf(name);
      expect({ name, redis: [admits(subgraph, redis, 6379), sends(subgraph, redis, 6379)], internet: sends(subgraph, INTERNET, 443) }).toEqual({ name, redis: [false, false], internet: false });
      // Planning's risk analysis asks the gateway; no other sector needs to.
      expect({ name, gateway: policies.allows(subgraph, gateway, tcp(4000)) }).toEqual({ name, gateway: name === 'planning' });
    }
  });

  test('every namespace denies by default, in and out, and allows DNS', () => {
    const namespaces = [...new Set(objectsOfKind(objects, 'Deployment').map((d) => d.metadata.namespace!))];
    expect(namespaces.length).toBeGreaterThan(0);
    for (const namespace of namespaces) {
      const stranger: Pod = { namespace, labels: { app: 'stranger' } };
      expect({ namespace, inbound: admits(INTERNET, stranger, 8080), outbound: sends(stranger, INTERNET, 443) }).toEqual({ namespace, inbound: false, outbound: false });
      expect({ namespace, dns: policies.allows(stranger, DNS, { port: 53, protocol: 'UDP' }) }).toEqual({ namespace, dns: true });
    }
    for (const pod of [gateway, redis, ...subgraphs.map((s) => podOf(s.name))]) {
      expect(policies.allows(pod, DNS, { port: 53, protocol: 'UDP' })).toBe(true);
      expect(policies.allows(pod, DNS, { port: 53, protocol: 'TCP' })).toBe(true);
    }
  });
});

describe('the evaluator', () => {
  const policy = (spec: object, namespace = 'a'): KubeObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace }, spec: spec as Record<string, unknown> });
  const labels = (namespace: string) => ({ 'kubernetes.io/metadata.name': namespace });
  const target = { namespace: 'a', labels: { role: 'db' } };

  test('reads a podSelector peer as the policy namespace only, and namespace plus pod selectors as both', () => {
    const podOnly = new NetworkPolicyEvaluator([policy({ podSelector: { matchLabels: { role: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'app' } } }] }] })], labels);
    expect(podOnly.allows({ namespace: 'a', labels: { role: 'app' } }, target, { port: 1 })).toBe(true);
    expect(podOnly.allows({ namespace: 'b', labels: { role: 'app' } }, target, { port: 1 })).toBe(false);
    const both = new NetworkPolicyEvaluator(
      [policy({ podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'b' } }, podSelector: { matchLabels: { role: 'app' } } }] }] })],
      labels,
    );
    expect(both.allows({ namespace: 'b', labels: { role: 'app' } }, target, { port: 1 })).toBe(true);
    expect(both.allows({ namespace: 'b', labels: { role: 'other' } }, target, { port: 1 })).toBe(false);
    expect(both.allows({ namespace: 'c', labels: { role: 'app' } }, target, { port: 1 })).toBe(false);
  });

  test('leaves unselected pods open, adds rules up, and honours ports, endPort and protocol', () => {
    const evaluator = new NetworkPolicyEvaluator(
      [policy({ podSelector: { matchLabels: { role: 'db' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 5432 }] }, { ports: [{ port: 8000, endPort: 8010, protocol: 'UDP' }] }] })],
      labels,
    );
    const anyone = { namespace: 'z', labels: {} };
    expect(evaluator.allows(anyone, { namespace: 'a', labels: { role: 'web' } }, { port: 1 })).toBe(true);
    expect(evaluator.allows(anyone, target, { port: 5432 })).toBe(true);
    expect(evaluator.allows(anyone, target, { port: 5433 })).toBe(false);
    expect(evaluator.allows(anyone, target, { port: 8005, protocol: 'UDP' })).toBe(true);
    expect(evaluator.allows(anyone, target, { port: 8005, protocol: 'TCP' })).toBe(false);
  });

  test('matches addresses against ipBlock and its exceptions', () => {
    const evaluator = new NetworkPolicyEvaluator([policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }] })], labels);
    const pod = { namespace: 'a', labels: {} };
    expect(evaluator.allows(pod, { ip: '10.2.3.4' }, { port: 1 })).toBe(true);
    expect(evaluator.allows(pod, { ip: '10.1.3.4' }, { port: 1 })).toBe(false);
    expect(evaluator.allows(pod, { ip: '11.0.0.1' }, { port: 1 })).toBe(false);
  });
});
