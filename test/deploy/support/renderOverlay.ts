import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { PROJECT_ROOT } from '@cswb/cli';

/** A rendered Kubernetes object, as `kubectl kustomize` prints it. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  [field: string]: unknown;
}

export const KUBERNETES_DIR = path.join(PROJECT_ROOT, 'deploy', 'kubernetes');
export const OVERLAYS_DIR = path.join(KUBERNETES_DIR, 'overlays');

/** Every overlay: each folder of deploy/kubernetes/overlays with a kustomization.yaml. */
export function overlayNames(): string[] {
  return fs
    .readdirSync(OVERLAYS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(OVERLAYS_DIR, entry.name, 'kustomization.yaml')))
    .map((entry) => entry.name)
    .sort();
}

/** kubectl on the PATH (`KUBECTL` overrides); a missing one fails the run with what to do about it. */
export function kubectl(): string {
  const candidate = process.env.KUBECTL ?? 'kubectl';
  try {
    execFileSync(candidate, ['version', '--client'], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `kubectl is needed to render the manifests (kubectl kustomize, offline; no cluster is contacted) and "${candidate}" could not be run: ` +
        `${(error as Error).message.split('\n')[0]}. Install kubectl 1.21 or later (its kustomize must support components; Debian's kubernetes-client 1.20 does not), or set KUBECTL to its path.`,
    );
  }
  return candidate;
}

const rendered = new Map<string, KubeObject[]>();

/** `kubectl kustomize <dir>` parsed into objects (once per directory per test file). */
export function renderKustomization(dir: string): KubeObject[] {
  let objects = rendered.get(dir);
  if (!objects) {
    const output = execFileSync(kubectl(), ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    objects = parseAllDocuments(output).map((document) => {
      if (document.errors.length > 0) throw new Error(`${dir}: ${document.errors[0].message}`);
      return document.toJSON() as KubeObject;
    }).filter((object) => object !== null);
    rendered.set(dir, objects);
  }
  return objects;
}

export function renderOverlay(name: string): KubeObject[] {
  return renderKustomization(path.join(OVERLAYS_DIR, name));
}

export function objectsOfKind<T extends KubeObject = KubeObject>(objects: KubeObject[], kind: string): T[] {
  return objects.filter((object) => object.kind === kind) as T[];
}
