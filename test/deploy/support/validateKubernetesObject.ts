import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';
import type { KubeObject } from './renderOverlay';

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: unknown) => Validatable;

/** The kubernetes-models class for an apiVersion and kind, or undefined when the package has none (a CRD). */
export async function kubernetesModelFor(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  const modulePath = `kubernetes-models/${apiVersion.includes('/') ? apiVersion : `v1`}`;
  if (apiVersion !== 'v1' && !apiVersion.includes('/')) return undefined;
  let module: Record<string, unknown>;
  try {
    module = (await import(modulePath)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const model = module[kind];
  return typeof model === 'function' ? (model as ModelClass) : undefined;
}

/**
 * Field names some Kubernetes schema knows, read from kubernetes-models' compiled validators: its
 * `validate()` ignores fields it does not know, so a misspelt `livenessProbes` would pass unseen.
 */
function knownFieldNames(): Set<string> {
  const names = new Set<string>();
  const dirs = [
    path.join(PROJECT_ROOT, 'node_modules', 'kubernetes-models', '_schemas'),
    path.join(PROJECT_ROOT, 'node_modules', '@kubernetes-models', 'apimachinery', '_schemas'),
  ];
  for (const dir of dirs) {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const match of source.matchAll(/\bdata\.([A-Za-z_$][\w$]*)/g)) names.add(match[1]);
      for (const match of source.matchAll(/\bdata\["([^"]+)"\]/g)) names.add(match[1]);
    }
  }
  names.delete('length');
  return names;
}

let known: Set<string> | undefined;

/** Maps whose keys are the user's own (labels, ConfigMap data, resource names, a Service's selector). */
function isFreeFormMap(fieldPath: string[], object: KubeObject): boolean {
  const last = fieldPath[fieldPath.length - 1];
  if (['labels', 'annotations', 'matchLabels', 'data', 'binaryData', 'stringData', 'nodeSelector', 'limits', 'requests', 'capacity'].includes(last)) return true;
  return object.kind === 'Service' && fieldPath.join('.') === 'spec.selector';
}

/** Paths of fields no Kubernetes schema has (typos), in a built-in object. */
export function unknownFields(object: KubeObject): string[] {
  known ??= knownFieldNames();
  const found: string[] = [];
  const walk = (value: unknown, fieldPath: string[]) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...fieldPath, String(index)]));
      return;
    }
    if (value === null || typeof value !== 'object' || isFreeFormMap(fieldPath, object)) return;
    for (const [key, child] of Object.entries(value)) {
      if (!known!.has(key)) found.push([...fieldPath, key].join('.'));
      walk(child, [...fieldPath, key]);
    }
  };
  walk(object, []);
  return found;
}

/** Problems with a built-in object: kubernetes-models' schema validation, then unknown fields. */
export async function builtInObjectProblems(object: KubeObject): Promise<string[]> {
  const Model = await kubernetesModelFor(object.apiVersion, object.kind);
  if (!Model) return [`kubernetes-models has no ${object.apiVersion} ${object.kind}`];
  const problems: string[] = [];
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push((error as Error).message);
  }
  return [...problems, ...unknownFields(object).map((field) => `unknown field ${field}`)];
}
