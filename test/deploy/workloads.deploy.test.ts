import * as fs from 'node:fs';
import * as path from 'node:path';
import { databaseNameFor, envPrefix, readGatewayConfig, readSeedSize, readTrustConfig } from '@cswb/contract/config';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { KubeObject, objectsOfKind, overlayNames, renderOverlay } from './support/renderOverlay';

/**
 * What every Deployment of every overlay must have (probes, limits, a non-root read-only
 * container), the gateway's replicas, budget and autoscaler, a Deployment for every sector of
 * subgraphs.txt wired to its own database, and only settings the hub's configuration reads.
 */

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
}
interface Probe {
  httpGet?: { path: string; port: number | string; scheme?: string };
  exec?: unknown;
  tcpSocket?: unknown;
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { drop?: string[] };
    seccompProfile?: { type: string };
  };
}
interface Deployment extends KubeObject {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        containers: Container[];
        securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type: string } };
        volumes?: { name: string; secret?: { secretName: string; defaultMode?: number } }[];
      };
    };
  };
}

const overlays = overlayNames();
const subgraphs = discoverSubgraphs().map((s) => s.definition);
const dockerfile = fs.readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
const configSource = fs.readFileSync(path.join(PROJECT_ROOT, 'shared', 'contract', 'src', 'config', 'config.ts'), 'utf8');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f));
}

/** Variable names the configuration readers read (`readX(env, 'NAME'`), and the per-subgraph ones (`${envPrefix(name)}_SUFFIX`). */
function variablesTheHubReads(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(path.join(PROJECT_ROOT, 'shared', 'contract', 'src'))) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/\bread[A-Z]\w*\(env, '([A-Z][A-Z0-9_]*)'/g)) names.add(match[1]);
  }
  const suffixes = [...configSource.matchAll(/`\$\{envPrefix\([^)]*\)\}_([A-Z_]+)`/g)].map((m) => m[1]);
  for (const subgraph of subgraphs) for (const suffix of suffixes) names.add(`${envPrefix(subgraph.name)}_${suffix}`);
  return names;
}

function containerOf(deployment: Deployment): Container {
  expect(deployment.spec.template.spec.containers).toHaveLength(1);
  return deployment.spec.template.spec.containers[0];
}

/** The container's environment: its own variables and those of the ConfigMaps it takes whole. */
function environmentOf(objects: KubeObject[], deployment: Deployment): Map<string, EnvVar> {
  const container = containerOf(deployment);
  const env = new Map<string, EnvVar>();
  for (const source of container.envFrom ?? []) {
    const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === source.configMapRef?.name && o.metadata.namespace === deployment.metadata.namespace);
    expect({ envFrom: source, found: Boolean(configMap) }).toEqual({ envFrom: source, found: true });
    for (const [name, value] of Object.entries(configMap!.data ?? {})) env.set(name, { name, value });
  }
  for (const variable of container.env ?? []) env.set(variable.name, variable);
  return env;
}

function plainValues(env: Map<string, EnvVar>): Record<string, string> {
  return Object.fromEntries([...env.values()].filter((v) => v.value !== undefined).map((v) => [v.name, v.value!]));
}

const usesHubImage = (deployment: Deployment) => /(^|\/)cswb-hub(:|@|$)/.test(containerOf(deployment).image);

test('the gateway and subgraph probe paths are the ones the servers answer', () => {
  const operations = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'operations.md'), 'utf8');
  expect(operations).toContain('`GET /health` is liveness');
  expect(operations).toContain('`GET /readiness` is readiness');
  expect(fs.readFileSync(path.join(PROJECT_ROOT, 'shared', 'kit', 'src', 'server', 'listen.ts'), 'utf8')).toMatch(/'\/readiness'/);
  expect(fs.readFileSync(path.join(PROJECT_ROOT, 'gateway', 'src', 'serveGateway.ts'), 'utf8')).toMatch(/'\/readiness'/);
});

describe.each(overlays)('overlay %s', (overlay) => {
  const objects = () => renderOverlay(overlay);
  const deployments = () => objectsOfKind<Deployment>(objects(), 'Deployment');

  test('every Deployment has probes, requests and limits, and runs non-root on a read-only root file system', () => {
    expect(deployments().length).toBeGreaterThan(0);
    for (const deployment of deployments()) {
      const pod = deployment.spec.template.spec;
      for (const container of pod.containers) {
        const id = `${deployment.metadata.namespace}/${deployment.metadata.name}/${container.name}`;
        const security = container.securityContext ?? {};
        expect({
          id,
          liveness: Boolean(container.livenessProbe),
          readiness: Boolean(container.readinessProbe),
          limits: [container.resources?.limits?.cpu !== undefined, container.resources?.limits?.memory !== undefined],
          requests: [container.resources?.requests?.cpu !== undefined, container.resources?.requests?.memory !== undefined],
          runAsNonRoot: (security.runAsNonRoot ?? pod.securityContext?.runAsNonRoot) === true,
          // kubelet can only check runAsNonRoot against a numeric user: the images name theirs.
          numericNonRootUser: (security.runAsUser ?? pod.securityContext?.runAsUser ?? 0) > 0,
          readOnlyRootFilesystem: security.readOnlyRootFilesystem,
          allowPrivilegeEscalation: security.allowPrivilegeEscalation,
          dropsAllCapabilities: security.capabilities?.drop?.includes('ALL') ?? false,
          // The Restricted Pod Security Standard the namespaces enforce asks for it too.
          seccomp: (security.seccompProfile ?? pod.securityContext?.seccompProfile)?.type,
        }).toEqual({
          id,
          liveness: true,
          readiness: true,
          limits: [true, true],
          requests: [true, true],
          runAsNonRoot: true,
          numericNonRootUser: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          dropsAllCapabilities: true,
          seccomp: 'RuntimeDefault',
        });
        // Keys in Secret volumes are readable by the pod's user and group, never by others (0440 at most).
        for (const volume of (pod.volumes ?? []).filter((v) => v.secret)) {
          expect({ id, volume: volume.name, others: (volume.secret!.defaultMode ?? 0o644) & 0o007 }).toEqual({ id, volume: volume.name, others: 0 });
        }
        if (usesHubImage(deployment)) {
          expect({ id, liveness: container.livenessProbe?.httpGet?.path, readiness: container.readinessProbe?.httpGet?.path }).toEqual({ id, liveness: '/health', readiness: '/readiness' });
        }
      }
    }
  });

  test('the gateway runs the image command, at least 2 replicas under a CPU autoscaler and a disruption budget', () => {
    const gateway = deployments().find((d) => d.metadata.name === 'gateway')!;
    expect(gateway).toBeDefined();
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile);
    expect(containerOf(gateway).command).toEqual(JSON.parse(cmd![1]));
    // Either the autoscaler owns the count (no replicas in the manifest), or it is 2 or more.
    expect(gateway.spec.replicas === undefined || gateway.spec.replicas >= 2).toBe(true);

    const hpas = objectsOfKind(objects(), 'HorizontalPodAutoscaler').filter((h) => {
      const target = (h.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef;
      return h.metadata.namespace === gateway.metadata.namespace && target.kind === 'Deployment' && target.name === 'gateway';
    });
    expect(hpas).toHaveLength(1);
    expect(hpas[0].apiVersion).toBe('autoscaling/v2');
    const hpa = hpas[0].spec as { minReplicas: number; maxReplicas: number; metrics: { type: string; resource?: { name: string } }[] };
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.maxReplicas).toBeGreaterThan(hpa.minReplicas);
    expect(hpa.metrics).toContainEqual(expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) }));

    const podLabels = gateway.spec.template.metadata.labels;
    const pdbs = objectsOfKind(objects(), 'PodDisruptionBudget').filter((p) => {
      const selector = (p.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
      return p.metadata.namespace === gateway.metadata.namespace && Object.entries(selector).every(([k, v]) => podLabels[k] === v);
    });
    expect(pdbs).toHaveLength(1);
    const pdb = pdbs[0].spec as { minAvailable?: number; maxUnavailable?: number };
    expect((pdb.minAvailable ?? 0) >= 1 || pdb.maxUnavailable !== undefined).toBe(true);
    expect(pdb.minAvailable ?? 0).toBeLessThan(hpa.minReplicas);
  });

  test.each(subgraphs.map((s) => [s.name, s.defaultPort] as const))('sector %s has its Deployment, Service and gateway route', (name, port) => {
    const deployment = deployments().find((d) => d.metadata.name === name);
    expect(deployment).toBeDefined();
    const container = containerOf(deployment!);
    expect(container.command).toEqual(['node', 'cli/dist/main.js', 'serve-subgraph', name]);
    const env = environmentOf(objects(), deployment!);
    expect(env.get('PORT')?.value).toBe(String(port));
    const metricsPort = env.get('METRICS_PORT')?.value;
    expect(container.ports?.map((p) => p.containerPort).sort()).toEqual([port, ...(metricsPort ? [Number(metricsPort)] : [])].sort());
    const prefix = envPrefix(name);
    expect(env.get(`${prefix}_DATABASE_URL`)?.valueFrom?.secretKeyRef).toBeDefined();
    expect(env.get(`${prefix}_APP_DATABASE_URL`)?.valueFrom?.secretKeyRef).toBeDefined();

    const service = objects().find((o) => o.kind === 'Service' && o.metadata.name === name && o.metadata.namespace === deployment!.metadata.namespace);
    expect((service?.spec as { ports: { port: number }[] }).ports.map((p) => p.port)).toEqual([port]);

    const gateway = deployments().find((d) => d.metadata.name === 'gateway')!;
    const url = new URL(environmentOf(objects(), gateway).get(`${prefix}_URL`)!.value!);
    expect(url.protocol).toBe('https:');
    expect(Number(url.port)).toBe(port);
    const sameNamespace = deployment!.metadata.namespace === gateway.metadata.namespace;
    expect([sameNamespace ? name : undefined, `${name}.${deployment!.metadata.namespace}.svc`, `${name}.${deployment!.metadata.namespace}.svc.cluster.local`]).toContain(url.hostname);
  });

  test('with CloudNativePG, each sector has a cluster with a replica, its own database and the Secrets its Deployment reads', () => {
    const clusters = objectsOfKind(objects(), 'Cluster');
    if (clusters.length === 0) return expect(overlay).toMatch(/external/);
    for (const { name } of subgraphs) {
      const deployment = deployments().find((d) => d.metadata.name === name)!;
      const env = environmentOf(objects(), deployment);
      const prefix = envPrefix(name);
      const owner = env.get(`${prefix}_DATABASE_URL`)!.valueFrom!.secretKeyRef!;
      const app = env.get(`${prefix}_APP_DATABASE_URL`)!.valueFrom!.secretKeyRef!;
      // CloudNativePG writes the owner's URL in the Secret <cluster>-app, key uri.
      const cluster = clusters.find((c) => `${c.metadata.name}-app` === owner.name && c.metadata.namespace === deployment.metadata.namespace);
      expect({ name, cluster: cluster?.metadata.name, key: owner.key }).toEqual({ name, cluster: expect.any(String), key: 'uri' });
      const spec = cluster!.spec as { instances: number; bootstrap: { initdb: { database: string; owner: string } }; managed: { roles: { name: string; login: boolean; passwordSecret: { name: string } }[] } };
      expect(spec.instances).toBeGreaterThanOrEqual(2);
      expect(spec.bootstrap.initdb.database).toBe(databaseNameFor(name));
      expect(spec.managed.roles).toContainEqual(expect.objectContaining({ login: true, passwordSecret: { name: app.name } }));
      expect(spec.managed.roles.map((r) => r.name)).not.toContain(spec.bootstrap.initdb.owner);
    }
  });

  test('the hub containers set only variables the configuration reads, with values it accepts', () => {
    const known = variablesTheHubReads();
    for (const deployment of deployments().filter(usesHubImage)) {
      const env = environmentOf(objects(), deployment);
      const unknown = [...env.keys()].filter((name) => !known.has(name));
      expect({ deployment: deployment.metadata.name, unknown }).toEqual({ deployment: deployment.metadata.name, unknown: [] });
      const values = plainValues(env);
      if (deployment.metadata.name === 'gateway') {
        const config = readGatewayConfig(values, subgraphs.map((s) => s.name), path.join(PROJECT_ROOT, 'gateway', 'generated', 'supergraph.graphql'));
        expect(Object.keys(config.subgraphUrls).sort()).toEqual(subgraphs.map((s) => s.name).sort());
        expect(config.rateLimitRedisUrl).toMatch(/^redis:\/\//);
        expect(config.host).toBe('0.0.0.0');
      } else {
        expect(readTrustConfig(values, PROJECT_ROOT).subgraphTls).toBe('mutual');
        readSeedSize(values);
      }
    }
  });
});

test('the variable list is read from the configuration readers, not made up', () => {
  const known = variablesTheHubReads();
  for (const name of ['RATE_LIMIT_REDIS_URL', 'HUB_CERTS_DIR', 'JWT_PUBLIC_KEY_FILE', 'PERSISTED_DOCUMENTS_DIR', 'POLICE_APP_DATABASE_URL', 'SOCIAL_SERVICES_URL']) {
    expect(known.has(name)).toBe(true);
  }
  expect(known.has('REDIS_URL')).toBe(false);
});
