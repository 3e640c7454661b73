import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';
import { KUBERNETES_DIR, KubeObject, overlayNames, renderOverlay } from './support/renderOverlay';
import { builtInObjectProblems, unknownFields } from './support/validateKubernetesObject';
import { cloudNativePgClusterProblems } from './support/cloudNativePgClusterSchema';

/**
 * Every overlay of deploy/kubernetes renders with `kubectl kustomize` (offline) and every object in
 * it passes the Kubernetes schema (kubernetes-models) or, for CloudNativePG's Cluster, the fields
 * written down in support/cloudNativePgClusterSchema.ts. No secret material is committed.
 */

const overlays = overlayNames();
const guide = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'kubernetes.md'), 'utf8');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
}

test('the overlays cover one namespace, a namespace per agency, CloudNativePG and an external database', () => {
  const rendered = overlays.map((name) => ({ name, objects: renderOverlay(name) }));
  const namespacesOfDeployments = (objects: KubeObject[]) => new Set(objects.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.namespace));
  expect(rendered.some(({ objects }) => namespacesOfDeployments(objects).size === 1)).toBe(true);
  expect(rendered.some(({ objects }) => namespacesOfDeployments(objects).size > 2)).toBe(true);
  expect(rendered.some(({ objects }) => objects.some((o) => o.kind === 'Cluster'))).toBe(true);
  expect(rendered.some(({ objects }) => !objects.some((o) => o.kind === 'Cluster'))).toBe(true);
});

describe.each(overlays)('overlay %s', (overlay) => {
  test('every object passes its schema', async () => {
    const objects = renderOverlay(overlay);
    expect(objects.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const object of objects) {
      const id = `${object.kind} ${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
      const found = object.apiVersion === 'postgresql.cnpg.io/v1' && object.kind === 'Cluster' ? cloudNativePgClusterProblems(object) : await builtInObjectProblems(object);
      problems.push(...found.map((problem) => `${id}: ${problem}`));
    }
    expect(problems).toEqual([]);
  });

  test('every namespaced object names its namespace, and the namespace is created by the overlay', () => {
    const objects = renderOverlay(overlay);
    const created = new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
    for (const object of objects.filter((o) => o.kind !== 'Namespace')) {
      expect({ object: `${object.kind}/${object.metadata.name}`, namespace: object.metadata.namespace }).toEqual({ object: `${object.kind}/${object.metadata.name}`, namespace: expect.any(String) });
      expect(created.has(object.metadata.namespace!)).toBe(true);
    }
  });

  test('no Secret is rendered, and every Secret the workloads read is explained in docs/kubernetes.md', () => {
    const objects = renderOverlay(overlay);
    expect(objects.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name)).toEqual([]);
    const referenced = new Set<string>();
    JSON.stringify(objects, (key, value: unknown) => {
      if (key === 'secretName' && typeof value === 'string') referenced.add(value);
      if (key === 'secretKeyRef' && value && typeof value === 'object') referenced.add((value as { name: string }).name);
      if (key === 'passwordSecret' && value && typeof value === 'object') referenced.add((value as { name: string }).name);
      return value;
    });
    expect(referenced.size).toBeGreaterThan(0);
    // Secret names in the guide are written with the sector as <sector> (police-certs → <sector>-certs).
    const sectors = objects.filter((o) => o.kind === 'Deployment' && o.metadata.labels?.['app.kubernetes.io/component'] === 'subgraph').map((o) => o.metadata.name);
    const undocumented = [...referenced].filter((name) => {
      const sector = sectors.find((s) => name.startsWith(`${s}-`));
      return !guide.includes(sector ? name.replace(sector, '<sector>') : name);
    });
    expect(undocumented).toEqual([]);
  });
});

test('no key, certificate or password is committed under deploy/kubernetes', () => {
  for (const file of filesUnder(KUBERNETES_DIR)) {
    const text = fs.readFileSync(file, 'utf8');
    expect({ file, key: /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----/.test(text) }).toEqual({ file, key: false });
    expect({ file, secretKind: /^kind:\s*Secret\s*$/m.test(text) }).toEqual({ file, secretKind: false });
    expect({ file, password: /postgres(ql)?:\/\/[^:\s/]+:[^@\s]+@/.test(text) }).toEqual({ file, password: false });
  }
});

test('the unknown-field check finds a misspelt field kubernetes-models lets through', async () => {
  const deployment = renderOverlay(overlays[0]).find((o) => o.kind === 'Deployment')!;
  const misspelt = JSON.parse(JSON.stringify(deployment)) as KubeObject;
  const container = (misspelt.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers[0];
  container.livenessProbes = container.livenessProbe;
  expect(unknownFields(deployment)).toEqual([]);
  expect(await builtInObjectProblems(misspelt)).toEqual(['unknown field spec.template.spec.containers.0.livenessProbes']);
});
