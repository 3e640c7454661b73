import { appDatabaseUrlFor, ConfigError, databaseNameFor, databaseUrlFor, envPrefix, readGatewayConfig, readAuditCheckpointKey, readPort, readSeedSize, readStartLayout, readSubgraphsHeapGrowingPercent, usesEmbeddedPostgres } from '@cswb/contract/config';

describe('configuration from the environment', () => {
  it('derives env prefixes and database names from subgraph names', () => {
    expect(envPrefix('social-services')).toBe('SOCIAL_SERVICES');
    expect(databaseNameFor('social-services')).toBe('cswb_social_services');
    expect(() => envPrefix('Police!')).toThrow('subgraph name: "Police!" must be lower-case letters, digits and dashes');
  });

  it('prefers <NAME>_DATABASE_URL, then the DATABASE_URL server with the subgraph database, then the embedded server', () => {
    const own = 'postgres://u:p@db.example:5432/police_records';
    expect(databaseUrlFor('police', { POLICE_DATABASE_URL: own, DATABASE_URL: 'postgres://x@y/z' })).toBe(own);
    expect(databaseUrlFor('police', { DATABASE_URL: 'postgres://u:p@shared:5432/anything' })).toBe('postgres://u:p@shared:5432/cswb_police');
    expect(databaseUrlFor('police', {}, 'postgres://postgres:pw@127.0.0.1:5999/postgres')).toBe('postgres://postgres:pw@127.0.0.1:5999/cswb_police');
    expect(() => databaseUrlFor('police', {})).toThrow(
      new ConfigError('POLICE_DATABASE_URL', 'is not set, nor is DATABASE_URL, and no embedded PostgreSQL is running'),
    );
  });

  it('starts the embedded server only when some subgraph has no database configured', () => {
    expect(usesEmbeddedPostgres({}, ['police'])).toBe(true);
    expect(usesEmbeddedPostgres({ DATABASE_URL: 'postgres://a@b/c' }, ['police', 'planning'])).toBe(false);
    expect(usesEmbeddedPostgres({ POLICE_DATABASE_URL: 'postgres://a@b/c' }, ['police', 'planning'])).toBe(true);
    expect(usesEmbeddedPostgres({ POLICE_DATABASE_URL: 'postgres://a@b/c', PLANNING_DATABASE_URL: 'postgres://a@b/d' }, ['police', 'planning'])).toBe(false);
  });

  it('fails fast with the variable named and the bad value quoted', () => {
    expect(() => readPort({ PORT: 'eighty' }, 'PORT', 4000)).toThrow('PORT: must be a port number from 0 to 65535, got "eighty"');
    expect(() => readPort({ PORT: '70000' }, 'PORT', 4000)).toThrow('PORT: must be a port number from 0 to 65535, got "70000"');
    expect(readPort({ PORT: ' ' }, 'PORT', 4000)).toBe(4000);
    expect(() => databaseUrlFor('police', { DATABASE_URL: 'mysql://x@y/z' })).toThrow('DATABASE_URL: must be a postgres:// URL, got protocol "mysql:"');
    expect(() => readGatewayConfig({ GRAPHIQL: 'yes' }, [], '/x')).toThrow('GRAPHIQL: must be one of on, off, got "yes"');
    expect(readGatewayConfig({ GRAPHIQL: 'off' }, [], '/x').graphiql).toBe(false);
    expect(() => readGatewayConfig({ LOG_LEVEL: 'silent' }, [], '/x')).toThrow('LOG_LEVEL: must be one of trace, debug, info, warn, error, got "silent"');
    expect(() => readSeedSize({ SEED_SIZE: 'huge' })).toThrow('SEED_SIZE: must be one of none, small, city, got "huge"');
    expect(() => readGatewayConfig({ POLICE_URL: 'police:4002' }, ['police'], '/x')).toThrow(
      'POLICE_URL: must be an http(s):// URL, got protocol "police:"',
    );
  });

  it('reads the gateway configuration with defaults', () => {
    const config = readGatewayConfig({ POLICE_URL: 'http://police:4002/graphql' }, ['police', 'planning'], '/repo/gateway/supergraph.graphql');
    expect(config).toEqual({
      port: 4000,
      host: '127.0.0.1',
      supergraphPath: '/repo/gateway/supergraph.graphql',
      subgraphUrls: { police: 'http://police:4002/graphql' },
      logLevel: 'info',
      limits: { maxDepth: 12, maxAliases: 100, maxTokens: 2000, maxCost: 100000, listSize: 10, maxRootFields: 30, maxDirectives: 50, maxFields: 500, executionBudgetMs: 8000 },
      subgraphTimeoutMs: 10000,
      subgraphTimeouts: {},
      persistedDocuments: { mode: 'allow', path: '/repo/gateway/persisted-documents.json', registeredDir: '/repo/registered-documents' },
      corsOrigins: [],
      rateLimitPerMinute: 600,
      answerCache: { maxBytes: 64 * 1024 * 1024, ttlMs: 300_000 },
      // Beside the default supergraph (gateway/generated/supergraph.graphql): <root>/web/dist.
      webAppDir: '/web/dist',
      graphiql: true,
      maxRequestBodyBytes: 1_000_000,
      resilience: { requestTimeoutMs: 15000, breakerFailures: 5, breakerCooldownMs: 10000 },
      shutdownGraceMs: 10000,
      heapGrowingPercent: 100,
    });
  });

  it('serves the web app from WEB_APP_DIR, or none with WEB_APP=off', () => {
    const read = (env: Record<string, string>) => readGatewayConfig(env, ['police'], '/hub/gateway/generated/supergraph.graphql').webAppDir;
    expect(read({})).toBe('/hub/web/dist');
    expect(read({ WEB_APP_DIR: '/srv/app' })).toBe('/srv/app');
    expect(read({ WEB_APP: 'off', WEB_APP_DIR: '/srv/app' })).toBeUndefined();
    expect(() => read({ WEB_APP: 'no' })).toThrow('WEB_APP: must be one of on, off, got "no"');
  });

  it('reads the gateway operations settings', () => {
    const config = readGatewayConfig(
      {
        MAX_DEPTH: '8',
        MAX_ALIASES: '0',
        MAX_TOKENS: '500',
        MAX_COST: '2000',
        COST_LIST_SIZE: '5',
        SUBGRAPH_TIMEOUT_MS: '3000',
        POLICE_TIMEOUT_MS: '1500',
        PERSISTED_DOCUMENTS: 'only-anonymous',
        PERSISTED_DOCUMENTS_PATH: '/etc/cswb/docs.json',
        PERSISTED_DOCUMENTS_DIR: '/etc/cswb/dashboards',
        CORS_ORIGINS: 'https://dash.example.org, http://localhost:5173',
        RATE_LIMIT_PER_MINUTE: '0',
        GATEWAY_HEAP_GROWING_PERCENT: '0',
      },
      ['police', 'planning'],
      '/repo/gateway/supergraph.graphql',
    );
    expect(config).toMatchObject({
      limits: { maxDepth: 8, maxAliases: 0, maxTokens: 500, maxCost: 2000, listSize: 5 },
      subgraphTimeoutMs: 3000,
      subgraphTimeouts: { police: 1500 },
      persistedDocuments: { mode: 'only-anonymous', path: '/etc/cswb/docs.json', registeredDir: '/etc/cswb/dashboards' },
      corsOrigins: ['https://dash.example.org', 'http://localhost:5173'],
      rateLimitPerMinute: 0,
      heapGrowingPercent: 0,
    });
    expect(readGatewayConfig({ CORS_ORIGINS: '*' }, [], '/x').corsOrigins).toEqual(['*']);
  });

  it('fails fast on bad gateway operations settings, naming the variable', () => {
    const read = (env: Record<string, string>) => () => readGatewayConfig(env, ['police'], '/x');
    expect(read({ MAX_DEPTH: '-1' })).toThrow('MAX_DEPTH: must be a whole number (0 to turn it off), got "-1"');
    expect(read({ MAX_ALIASES: 'many' })).toThrow('MAX_ALIASES: must be a whole number (0 to turn it off), got "many"');
    expect(read({ MAX_TOKENS: '1e3' })).toThrow('MAX_TOKENS: must be a whole number (0 to turn it off), got "1e3"');
    expect(read({ MAX_COST: '10.5' })).toThrow('MAX_COST: must be a whole number (0 to turn it off), got "10.5"');
    expect(read({ MAX_ROOT_FIELDS: '-2' })).toThrow(/^MAX_ROOT_FIELDS: /);
    expect(read({ MAX_DIRECTIVES: 'lots' })).toThrow(/^MAX_DIRECTIVES: /);
    expect(read({ MAX_FIELDS: '1k' })).toThrow(/^MAX_FIELDS: /);
    expect(read({ EXECUTION_BUDGET_MS: '2.5' })).toThrow(/^EXECUTION_BUDGET_MS: /);
    expect(read({ COST_LIST_SIZE: '0' })).toThrow('COST_LIST_SIZE: must be a positive whole number, got "0"');
    expect(read({ SUBGRAPH_TIMEOUT_MS: '0' })).toThrow('SUBGRAPH_TIMEOUT_MS: must be a positive whole number, got "0"');
    expect(read({ POLICE_TIMEOUT_MS: '2s' })).toThrow('POLICE_TIMEOUT_MS: must be a positive whole number, got "2s"');
    expect(read({ PERSISTED_DOCUMENTS: 'anonymous' })).toThrow('PERSISTED_DOCUMENTS: must be one of off, allow, only-anonymous, only, got "anonymous"');
    expect(read({ CORS_ORIGINS: 'dash.example.org' })).toThrow(
      'CORS_ORIGINS: must be * or comma-separated origins like https://dashboard.example.org, got "dash.example.org"',
    );
    expect(read({ CORS_ORIGINS: 'https://dash.example.org/' })).toThrow(
      'CORS_ORIGINS: must be * or comma-separated origins like https://dashboard.example.org, got "https://dash.example.org/"',
    );
    expect(read({ RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow('RATE_LIMIT_PER_MINUTE: must be a whole number (0 to turn it off), got "lots"');
    expect(read({ REQUEST_TIMEOUT_MS: '0' })).toThrow('REQUEST_TIMEOUT_MS: must be a positive whole number, got "0"');
    expect(read({ CIRCUIT_BREAKER_FAILURES: 'few' })).toThrow('CIRCUIT_BREAKER_FAILURES: must be a whole number (0 to turn it off), got "few"');
    expect(read({ CIRCUIT_BREAKER_COOLDOWN_MS: '-5' })).toThrow('CIRCUIT_BREAKER_COOLDOWN_MS: must be a positive whole number, got "-5"');
    expect(read({ GATEWAY_HEAP_GROWING_PERCENT: '30%' })).toThrow('GATEWAY_HEAP_GROWING_PERCENT: must be a whole number (0 to turn it off), got "30%"');
    expect(() => readSubgraphsHeapGrowingPercent({ SUBGRAPHS_HEAP_GROWING_PERCENT: '-1' })).toThrow('SUBGRAPHS_HEAP_GROWING_PERCENT: must be a whole number (0 to turn it off), got "-1"');
    expect([readSubgraphsHeapGrowingPercent({}), readSubgraphsHeapGrowingPercent({ SUBGRAPHS_HEAP_GROWING_PERCENT: '0' }), readSubgraphsHeapGrowingPercent({ SUBGRAPHS_HEAP_GROWING_PERCENT: '30' })]).toEqual([200, 0, 30]);
    expect(read({ SHUTDOWN_GRACE_MS: '1.5' })).toThrow('SHUTDOWN_GRACE_MS: must be a positive whole number, got "1.5"');
  });
});

describe('database roles and audit checkpoints from the environment', () => {
  it('takes <NAME>_APP_DATABASE_URL for the same database under a role of its own, failing fast otherwise', () => {
    const env = { POLICE_DATABASE_URL: 'postgres://owner:o@db:5432/cswb_police' };
    expect(appDatabaseUrlFor('police', env)).toBeUndefined();
    expect(appDatabaseUrlFor('police', { ...env, POLICE_APP_DATABASE_URL: 'postgres://app:a@db:5432/cswb_police' })).toBe('postgres://app:a@db:5432/cswb_police');
    expect(appDatabaseUrlFor('police', { DATABASE_URL: 'postgres://owner:o@db/x', POLICE_APP_DATABASE_URL: 'postgres://app:a@db/cswb_police' })).toBe(
      'postgres://app:a@db/cswb_police',
    );
    expect(() => appDatabaseUrlFor('police', { ...env, POLICE_APP_DATABASE_URL: 'postgres://app:a@db:5432/cswb_health' })).toThrow(
      'POLICE_APP_DATABASE_URL: must name the same server and database as the owner',
    );
    expect(() => appDatabaseUrlFor('police', { ...env, POLICE_APP_DATABASE_URL: 'postgres://owner:x@db:5432/cswb_police' })).toThrow(
      `POLICE_APP_DATABASE_URL: must name a role of its own, not the owner's ("owner")`,
    );
    expect(() => appDatabaseUrlFor('police', { ...env, POLICE_APP_DATABASE_URL: 'http://app@db/cswb_police' })).toThrow(ConfigError);
    expect(readAuditCheckpointKey({})).toBeUndefined();
    expect(() => readAuditCheckpointKey({ AUDIT_CHECKPOINT_KEY: 'short' })).toThrow('AUDIT_CHECKPOINT_KEY: must be at least 32 characters, got 5');
    expect(readAuditCheckpointKey({ AUDIT_CHECKPOINT_KEY: 'k'.repeat(32) })).toEqual(Buffer.from('k'.repeat(32)));
  });
});

describe('how cswb start lays out its processes', () => {
  it('runs the gateway in a process of its own unless START_LAYOUT=single, failing fast on anything else', () => {
    expect(readStartLayout({})).toBe('split');
    expect(readStartLayout({ START_LAYOUT: 'single' })).toBe('single');
    expect(readStartLayout({ START_LAYOUT: 'split' })).toBe('split');
    expect(() => readStartLayout({ START_LAYOUT: 'one' })).toThrow(new ConfigError('START_LAYOUT', 'must be one of split, single, got "one"'));
    expect(() => readStartLayout({ START_LAYOUT: 'one' })).toThrow('START_LAYOUT: must be one of split, single, got "one"');
  });
});
