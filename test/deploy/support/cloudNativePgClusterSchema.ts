import type { KubeObject } from './renderOverlay';

/**
 * kubernetes-models has no CloudNativePG types: the fields of `postgresql.cnpg.io/v1` `Cluster`
 * the manifests use, written from CloudNativePG's API reference (ClusterSpec, BootstrapInitDB,
 * ManagedConfiguration, RoleConfiguration, AffinityConfiguration, StorageConfiguration). Closed:
 * a field not listed here is reported, so a new field is checked against the reference first.
 */
type Schema =
  | { type: 'string'; enum?: readonly string[]; pattern?: RegExp }
  | { type: 'integer'; minimum?: number }
  | { type: 'boolean' }
  | { type: 'array'; items: Schema }
  | { type: 'object'; properties: Record<string, Schema>; required?: readonly string[] }
  | { type: 'map'; values: Schema };

const string: Schema = { type: 'string' };
const boolean: Schema = { type: 'boolean' };
const quantity: Schema = { type: 'string', pattern: /^[0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/ };
const localObjectReference: Schema = { type: 'object', properties: { name: string }, required: ['name'] };
const postgresIdentifier: Schema = { type: 'string', pattern: /^[a-z_][a-z0-9_]{0,62}$/ };

const roleConfiguration: Schema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: postgresIdentifier,
    comment: string,
    ensure: { type: 'string', enum: ['present', 'absent'] },
    passwordSecret: localObjectReference,
    disablePassword: boolean,
    validUntil: string,
    connectionLimit: { type: 'integer', minimum: -1 },
    inRoles: { type: 'array', items: string },
    login: boolean,
    superuser: boolean,
    createdb: boolean,
    createrole: boolean,
    inherit: boolean,
    replication: boolean,
    bypassrls: boolean,
  },
};

const clusterSpec: Schema = {
  type: 'object',
  required: ['instances'],
  properties: {
    description: string,
    instances: { type: 'integer', minimum: 1 },
    imageName: string,
    primaryUpdateStrategy: { type: 'string', enum: ['unsupervised', 'supervised'] },
    enableSuperuserAccess: boolean,
    storage: { type: 'object', required: ['size'], properties: { size: quantity, storageClass: string, resizeInUseVolumes: boolean } },
    bootstrap: {
      type: 'object',
      properties: {
        initdb: {
          type: 'object',
          properties: { database: postgresIdentifier, owner: postgresIdentifier, secret: localObjectReference, dataChecksums: boolean, encoding: string, localeCollate: string, localeCType: string },
        },
      },
    },
    managed: { type: 'object', properties: { roles: { type: 'array', items: roleConfiguration } } },
    affinity: {
      type: 'object',
      properties: {
        enablePodAntiAffinity: boolean,
        topologyKey: string,
        podAntiAffinityType: { type: 'string', enum: ['preferred', 'required'] },
        nodeSelector: { type: 'map', values: string },
      },
    },
    resources: { type: 'object', properties: { requests: { type: 'map', values: quantity }, limits: { type: 'map', values: quantity } } },
    postgresql: { type: 'object', properties: { parameters: { type: 'map', values: string } } },
    monitoring: { type: 'object', properties: { enablePodMonitor: boolean } },
    inheritedMetadata: { type: 'object', properties: { labels: { type: 'map', values: string }, annotations: { type: 'map', values: string } } },
  },
};

const metadata: Schema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', pattern: /^[a-z0-9]([-a-z0-9]{0,48}[a-z0-9])?$/ },
    namespace: string,
    labels: { type: 'map', values: string },
    annotations: { type: 'map', values: string },
  },
};

const cluster: Schema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { type: 'string', enum: ['postgresql.cnpg.io/v1'] },
    kind: { type: 'string', enum: ['Cluster'] },
    metadata,
    spec: clusterSpec,
  },
};

function check(value: unknown, schema: Schema, at: string, problems: string[]): void {
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') problems.push(`${at} must be a string`);
      else if (schema.enum && !schema.enum.includes(value)) problems.push(`${at} must be one of ${schema.enum.join(', ')}, got "${value}"`);
      else if (schema.pattern && !schema.pattern.test(value)) problems.push(`${at} "${value}" does not match ${schema.pattern}`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${at} must be an integer`);
      else if (schema.minimum !== undefined && (value as number) < schema.minimum) problems.push(`${at} must be at least ${schema.minimum}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${at} must be a boolean`);
      return;
    case 'array':
      if (!Array.isArray(value)) problems.push(`${at} must be an array`);
      else value.forEach((item, index) => check(item, schema.items, `${at}[${index}]`, problems));
      return;
    case 'map':
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problems.push(`${at} must be an object`);
        return;
      }
      const entries = Object.entries(value as Record<string, unknown>);
      if (schema.type === 'map') {
        for (const [key, child] of entries) check(child, schema.values, `${at}.${key}`, problems);
        return;
      }
      for (const required of schema.required ?? []) {
        if (!(required in (value as object))) problems.push(`${at}.${required} is required`);
      }
      for (const [key, child] of entries) {
        const property = schema.properties[key];
        if (!property) problems.push(`${at}.${key} is not a field of the CloudNativePG API (or not one this schema was written for)`);
        else check(child, property, `${at}.${key}`, problems);
      }
    }
  }
}

/** Problems with a CloudNativePG Cluster, against the fields above. */
export function cloudNativePgClusterProblems(object: KubeObject): string[] {
  const problems: string[] = [];
  check(object, cluster, object.metadata?.name ?? 'Cluster', problems);
  return problems;
}
