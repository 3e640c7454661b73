import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from '@cswb/cli';
import { PURPOSES } from '@cswb/contract/auth';
import { readGatewayConfig, readOperationLimits } from '@cswb/contract/config';
import { committedSupergraph, protectedFieldsOf, SUPERGRAPH_FILE, subgraphNamesOf } from './supergraphChecks';

/**
 * The example router configurations of deploy/routers (docs/rust-routers.md): well-formed YAML
 * with only keys the routers know, serving the committed supergraph, and holding the lines the
 * gateway holds: asymmetric token algorithms only, access directives on, no merged in-flight
 * calls between callers, mutual TLS with the certificate subgraphs accept, the client's token not
 * passed on, the hub's operation limits, every subgraph of the supergraph routed.
 */

const HIVE_CONFIG = path.join(PROJECT_ROOT, 'deploy', 'routers', 'hive-router', 'router.config.yaml');
const APOLLO_CONFIG = path.join(PROJECT_ROOT, 'deploy', 'routers', 'apollo-router', 'router.yaml');
const DOC = path.join(PROJECT_ROOT, 'docs', 'rust-routers.md');

type Yaml = Record<string, any>;

function readYaml(file: string): Yaml {
  // `yaml` refuses duplicate keys and malformed documents.
  return parseYaml(fs.readFileSync(file, 'utf8')) as Yaml;
}

/** Keys of `object` outside `known`, as dotted paths. */
function unknownKeys(object: Yaml | undefined, known: readonly string[], at: string): string[] {
  return Object.keys(object ?? {})
    .filter((k) => !known.includes(k))
    .map((k) => `${at}.${k}`);
}

const SYMMETRIC = /^HS/;
const limits = readOperationLimits({});
const maxRequestBodyBytes = readGatewayConfig({}, subgraphNamesOf(committedSupergraph()), SUPERGRAPH_FILE).maxRequestBodyBytes;
const subgraphNames = subgraphNamesOf(committedSupergraph()).sort();

describe('Hive Router configuration (deploy/routers/hive-router/router.config.yaml)', () => {
  const config = readYaml(HIVE_CONFIG);
  const fromConfig = (file: string) => path.resolve(path.dirname(HIVE_CONFIG), file);
  /** An `{ from_env, default }` placeholder's default, or the value itself. */
  const valueOf = (value: unknown) => (value && typeof value === 'object' && 'from_env' in value ? (value as { default?: unknown }).default : value);

  it('uses only keys the router knows', () => {
    // The serde structs of graphql-hive/router bin/router/src/config (commit 8cfc57d3), all
    // `deny_unknown_fields`: a misspelt key stops the router at start.
    expect([
      ...unknownKeys(config, ['log', 'laboratory', 'supergraph', 'query_planner', 'http', 'traffic_shaping', 'headers', 'response_extensions', 'csrf', 'cors', 'jwt', 'override_subgraph_urls', 'override_labels', 'authorization', 'limits', 'introspection', 'telemetry', 'demand_control', 'plugins', 'subscriptions', 'websocket', 'persisted_documents', 'coprocessor', 'storages', 'error_masking'], 'config'),
      ...unknownKeys(config.supergraph, ['source', 'path', 'poll_interval'], 'supergraph'),
      ...unknownKeys(config.http, ['graphql_endpoint', 'host', 'port', 'workers'], 'http'),
      ...unknownKeys(config.jwt, ['enabled', 'jwks_providers', 'issuers', 'audiences', 'lookup_locations', 'require_authentication', 'allowed_algorithms', 'forward_claims_to_upstream_extensions', 'scopes_claim'], 'jwt'),
      ...unknownKeys(config.authorization, ['directives'], 'authorization'),
      ...unknownKeys(config.authorization?.directives, ['enabled', 'unauthorized'], 'authorization.directives'),
      ...unknownKeys(config.limits, ['max_depth', 'max_directives', 'max_tokens', 'max_aliases', 'max_request_body_size', 'max_request_header_size'], 'limits'),
      ...unknownKeys(config.persisted_documents, ['enabled', 'require_id', 'log_missing_id', 'storage', 'selectors'], 'persisted_documents'),
      ...unknownKeys(config.traffic_shaping, ['all', 'subgraphs', 'max_connections_per_host', 'router'], 'traffic_shaping'),
      ...unknownKeys(config.traffic_shaping?.all, ['pool_idle_timeout', 'dedupe_enabled', 'request_timeout', 'circuit_breaker', 'tls', 'allow_only_http2', 'forward_operation_name', 'websocket'], 'traffic_shaping.all'),
      ...unknownKeys(config.traffic_shaping?.all?.tls, ['cert_file', 'client_auth', 'insecure_skip_ca_verification'], 'traffic_shaping.all.tls'),
      ...unknownKeys(config.csrf, ['enabled', 'required_headers'], 'csrf'),
      ...unknownKeys(config.error_masking, ['enabled', 'redacted_error_message', 'all', 'subgraphs'], 'error_masking'),
      ...unknownKeys(config.error_masking?.all, ['enabled', 'extensions'], 'error_masking.all'),
    ]).toEqual([]);
  });

  it('serves the committed supergraph', () => {
    expect(config.supergraph).toMatchObject({ source: 'file' });
    expect(fromConfig(config.supergraph.path)).toBe(SUPERGRAPH_FILE);
    expect(config.persisted_documents.storage).toMatchObject({ type: 'file' });
    expect(fs.existsSync(fromConfig(config.persisted_documents.storage.path))).toBe(true);
  });

  it('verifies tokens as the gateway does and enforces the access directives', () => {
    expect(config.jwt.enabled).toBe(true);
    expect(config.jwt.require_authentication).toBe(false);
    expect(config.jwt.allowed_algorithms.length).toBeGreaterThan(0);
    expect(config.jwt.allowed_algorithms.filter((a: string) => SYMMETRIC.test(a))).toEqual([]);
    expect(config.jwt.issuers.map(valueOf)).toEqual(['cswb-hub-dev']);
    expect(config.jwt.audiences.map(valueOf)).toEqual(['cswb-hub']);
    expect(config.authorization.directives.enabled).toBe(true);
    expect(config.authorization.directives.unauthorized.mode).toBe('filter');
  });

  it('holds the hub\'s operation limits', () => {
    expect(config.limits.max_depth.n).toBe(limits.maxDepth);
    expect(config.limits.max_aliases.n).toBe(limits.maxAliases);
    expect(config.limits.max_directives.n).toBe(limits.maxDirectives);
    expect(config.limits.max_tokens.n).toBe(limits.maxTokens);
    expect(config.limits.max_request_body_size).toBe(`${maxRequestBodyBytes / 1_000_000}MB`);
  });

  it('calls every subgraph over mutual TLS as the gateway, one caller per call, without the client\'s token', () => {
    const shaping = config.traffic_shaping.all;
    expect(shaping.dedupe_enabled).toBe(false);
    expect(Object.keys(config.traffic_shaping.subgraphs ?? {})).toEqual([]);
    expect(path.basename(shaping.tls.cert_file)).toBe('ca.crt');
    expect([path.basename(shaping.tls.client_auth.cert_file), path.basename(shaping.tls.client_auth.key_file)]).toEqual(['gateway.crt', 'gateway.key']);
    expect(shaping.tls.insecure_skip_ca_verification ?? false).toBe(false);
    const urls = config.override_subgraph_urls.subgraphs as Record<string, { url: unknown }>;
    expect(Object.keys(urls).sort()).toEqual(subgraphNames);
    for (const { url } of Object.values(urls)) expect(String(valueOf(url))).toMatch(/^https:\/\//);
    const rules = config.headers.all.request as Yaml[];
    expect(rules.some((r) => r.propagate)).toBe(false);
    expect(rules).toContainEqual({ remove: { named: 'authorization' } });
  });
});

describe('Apollo Router configuration (deploy/routers/apollo-router/router.yaml)', () => {
  const config = readYaml(APOLLO_CONFIG);
  /** A `${file.<path>}` reference, resolved from the repository root (where the router is run). */
  const fileOf = (value: string) => /^\$\{file\.(.+)\}$/.exec(value)?.[1];

  it('uses only top-level keys the router knows', () => {
    // The properties of apollographql/router's configuration schema (apollo-router/src/configuration/
    // snapshots/…schema_generation.snap, router 2.13.1): `additionalProperties: false`.
    const known = ['apq', 'authentication', 'authorization', 'batching', 'connectors', 'coprocessor', 'cors', 'csrf', 'demand_control', 'enhanced_client_awareness', 'experimental_chaos', 'experimental_diagnostics', 'experimental_hoist_orphan_errors', 'experimental_type_conditioned_fetching', 'fleet_detector', 'forbid_mutations', 'headers', 'health_check', 'homepage', 'include_subgraph_errors', 'license_enforcement', 'limits', 'override_subgraph_url', 'persisted_queries', 'plugins', 'preview_entity_cache', 'preview_file_uploads', 'progressive_override', 'rhai', 'sandbox', 'server', 'subscription', 'supergraph', 'telemetry', 'tls', 'traffic_shaping'];
    expect(unknownKeys(config, known, 'config')).toEqual([]);
  });

  it('is started on the committed supergraph, as the doc says', () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    const command = /router --config (\S+) --supergraph (\S+)/.exec(doc.replace(/\\\n\s*/g, ''));
    expect(command).not.toBeNull();
    expect(path.resolve(PROJECT_ROOT, command![1])).toBe(APOLLO_CONFIG);
    expect(path.resolve(PROJECT_ROOT, command![2])).toBe(SUPERGRAPH_FILE);
    expect(fs.existsSync(path.join(PROJECT_ROOT, config.rhai.scripts, config.rhai.main))).toBe(true);
  });

  it('verifies tokens as the gateway does and enforces the access directives, @policy by the token\'s purpose', () => {
    const jwks = config.authentication.router.jwt.jwks as Yaml[];
    expect(jwks.length).toBeGreaterThan(0);
    for (const source of jwks) {
      expect(source.algorithms.length).toBeGreaterThan(0);
      expect(source.algorithms.filter((a: string) => SYMMETRIC.test(a))).toEqual([]);
      expect(source.issuers).toEqual(['${env.JWT_ISSUER:-cswb-hub-dev}']);
      expect(source.audiences).toEqual(['${env.JWT_AUDIENCE:-cswb-hub}']);
    }
    expect(config.authorization.directives.enabled).toBe(true);
    expect(config.authorization.require_authentication).toBe(false);
    // The Rhai script decides "purpose:<purpose>" policies only: every @policy of the supergraph is one.
    const policies = new Set(protectedFieldsOf(committedSupergraph()).flatMap((r) => r.policies.flat(2)));
    expect(policies.size).toBeGreaterThan(0);
    for (const policy of policies) expect(PURPOSES.map((p) => `purpose:${p}`)).toContain(policy);
  });

  it('holds the hub\'s operation limits', () => {
    expect(config.limits).toMatchObject({
      max_depth: limits.maxDepth,
      max_aliases: limits.maxAliases,
      max_root_fields: limits.maxRootFields,
      parser_max_tokens: limits.maxTokens,
      http_max_request_bytes: maxRequestBodyBytes,
    });
    expect(config.limits.warn_only ?? false).toBe(false);
  });

  it('calls every subgraph over mutual TLS as the gateway, one caller per call, without the client\'s token', () => {
    expect(config.traffic_shaping.all.deduplicate_query).toBe(false);
    const tls = config.tls.subgraph.all;
    expect(path.basename(fileOf(tls.certificate_authorities)!)).toBe('ca.crt');
    expect([path.basename(fileOf(tls.client_authentication.certificate_chain)!), path.basename(fileOf(tls.client_authentication.key)!)]).toEqual(['gateway.crt', 'gateway.key']);
    expect(Object.keys(config.override_subgraph_url).sort()).toEqual(subgraphNames);
    for (const url of Object.values(config.override_subgraph_url)) expect(String(url)).toMatch(/^\$\{env\.[A-Z_]+_URL:-https:\/\//);
    const rules = config.headers.all.request as Yaml[];
    expect(rules.some((r) => r.propagate)).toBe(false);
    expect(rules).toContainEqual({ remove: { named: 'authorization' } });
  });
});
