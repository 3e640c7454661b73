import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { databaseNameFor, envPrefix } from '@cswb/contract/config';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';

/**
 * `cswb compose` writes docker-compose.yml from subgraphs.txt and the Dockerfile is
 * written by hand; these tests keep both in step with the sectors and the workspaces.
 */

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: (string | number | { target?: number; published?: string | number })[];
}

const compose = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};
const services = compose.services ?? {};
const dockerfile = fs.readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
const dockerignore = fs.readFileSync(path.join(PROJECT_ROOT, '.dockerignore'), 'utf8');
const subgraphs = discoverSubgraphs();
const rootPackage = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { workspaces: string[] };

/** The root package.json's workspaces, `subgraphs/*` expanded like npm does. */
function workspaceDirs(): string[] {
  return rootPackage.workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return fs
      .readdirSync(path.join(PROJECT_ROOT, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(PROJECT_ROOT, parent, entry.name, 'package.json')))
      .map((entry) => `${parent}/${entry.name}`);
  });
}

/** A service's environment as a map, whichever of compose's two forms it is written in. */
function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === null ? '' : String(value)]));
}

/** `depends_on` as a map of service → condition (the short list form means service_started). */
function dependenciesOf(service: ComposeService): Record<string, string | undefined> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([name, dep]) => [name, dep?.condition]));
}

function healthcheckText(service: ComposeService): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

function commandOf(service: ComposeService): string[] {
  const command = service.command;
  return Array.isArray(command) ? command : (command ?? '').split(/\s+/).filter(Boolean);
}

/** Lines of the Dockerfile (continuations joined) that are instructions, comments dropped. */
const instructions = dockerfile
  .replace(/\\\r?\n/g, ' ')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

describe('docker-compose.yml', () => {
  it('finds the subgraphs it checks against', () => {
    expect(subgraphs.length).toBeGreaterThan(0);
  });

  it('has a postgres service with a healthcheck', () => {
    const postgres = services.postgres;
    expect(postgres).toBeDefined();
    expect(postgres.image).toMatch(/^postgres(:|$)/);
    expect(postgres.healthcheck?.disable).not.toBe(true);
    expect(healthcheckText(postgres)).toContain('pg_isready');
  });

  describe.each(subgraphs.map(({ definition }) => [definition.name, definition.defaultPort] as const))(
    'subgraph %s',
    (name, defaultPort) => {
      const prefix = envPrefix(name);

      it('has a service named like its folder that serves it', () => {
        expect(Object.keys(services)).toContain(name);
        expect(commandOf(services[name])).toEqual(['node', 'cli/dist/main.js', 'serve-subgraph', name]);
      });

      it(`names its own database in ${prefix}_DATABASE_URL`, () => {
        const env = environmentOf(services[name] ?? {});
        const url = env[`${prefix}_DATABASE_URL`];
        expect(url).toBeDefined();
        expect(new URL(url).protocol).toMatch(/^postgres(ql)?:$/);
        expect(url).toMatch(new RegExp(`/${databaseNameFor(name)}$`));
        expect(new URL(url).hostname).toBe('postgres');
      });

      it(`listens on its default port ${defaultPort}`, () => {
        const env = environmentOf(services[name] ?? {});
        const port = env[`${prefix}_PORT`] ?? env.PORT;
        expect(Number(port)).toBe(defaultPort);
      });

      it('starts once postgres is healthy and has a readiness healthcheck', () => {
        const service = services[name] ?? {};
        expect(dependenciesOf(service).postgres).toBe('service_healthy');
        expect(service.healthcheck?.disable).not.toBe(true);
        expect(healthcheckText(service)).toContain(`:${defaultPort}/readiness`);
      });

      it('is routed to by the gateway', () => {
        const gateway = services.gateway ?? {};
        expect(dependenciesOf(gateway)[name]).toBe('service_healthy');
        expect(environmentOf(gateway)[`${prefix}_URL`]).toBe(`https://${name}:${defaultPort}/graphql`);
      });
    },
  );

  it('serves no subgraph that is not in subgraphs.txt', () => {
    const known = new Set(subgraphs.map((s) => s.definition.name));
    const served = Object.values(services)
      .map(commandOf)
      .filter((command) => command.includes('serve-subgraph'))
      .map((command) => command[command.indexOf('serve-subgraph') + 1]);
    for (const name of served) expect(known).toContain(name);
    const urlVariables = subgraphs.map((s) => `${envPrefix(s.definition.name)}_URL`);
    for (const variable of Object.keys(environmentOf(services.gateway ?? {})).filter((key) => key.endsWith('_URL'))) {
      expect(urlVariables).toContain(variable);
    }
  });

  it('has a gateway service on port 4000 with a readiness healthcheck', () => {
    const gateway = services.gateway;
    expect(gateway).toBeDefined();
    expect(commandOf(gateway).join(' ')).toMatch(/gateway\/dist\/main\.js/);
    expect(Number(environmentOf(gateway).PORT)).toBe(4000);
    expect((gateway.ports ?? []).map(String)).toContain('4000:4000');
    expect(healthcheckText(gateway)).toContain(':4000/readiness');
  });

  it('makes the deployment certificates once, before the gateway and every subgraph start with them', () => {
    const certs = services.certs;
    expect(commandOf(certs).join(' ')).toContain('cli/dist/main.js certs --dir /certs');
    for (const name of ['gateway', ...subgraphs.map((s) => s.definition.name)]) {
      const service = services[name];
      expect(environmentOf(service).HUB_CERTS_DIR).toBe('/certs');
      expect((service as { volumes?: string[] }).volumes).toContain('hub-certs:/certs:ro');
      if (name !== 'gateway') expect(dependenciesOf(service).certs).toBe('service_completed_successfully');
      // Each service is reached by its compose name: the certificates must name it.
      expect(commandOf(certs).join(' ')).toContain(name);
    }
  });

  it('builds every image from the root Dockerfile', () => {
    const built = Object.entries(services).filter(([, service]) => service.build !== undefined);
    expect(built.map(([name]) => name).sort()).toEqual(['certs', 'gateway', ...subgraphs.map((s) => s.definition.name)].sort());
    for (const [, service] of built) {
      const build = typeof service.build === 'string' ? { context: service.build } : (service.build ?? {});
      expect(path.resolve(PROJECT_ROOT, build.context ?? '.')).toBe(PROJECT_ROOT);
      expect(fs.existsSync(path.join(PROJECT_ROOT, build.dockerfile ?? 'Dockerfile'))).toBe(true);
    }
  });

  it('represents every workspace of the root package.json', () => {
    const dirs = workspaceDirs();
    expect(dirs.length).toBeGreaterThan(0);
    for (const dir of dirs) {
      if (dir.startsWith('subgraphs/')) {
        // A sector: a service of its own, named like its folder.
        expect(services[path.basename(dir)]).toBeDefined();
      } else if (dir === 'gateway') {
        expect(services.gateway).toBeDefined();
      } else {
        // A library or tool (shared, cli): baked into the image with the rest of the tree.
        const copiesWholeTree = instructions.some((line) => /^COPY\s+(--\S+\s+)*\.\s+\S+$/i.test(line));
        const copiesIt = instructions.some((line) => new RegExp(`^COPY\\s+(--\\S+\\s+)*(\\S+\\s+)*${dir}/?\\s`, 'i').test(line));
        expect({ dir, copied: copiesWholeTree || copiesIt }).toEqual({ dir, copied: true });
      }
    }
    // Every subgraph the CLI finds is a workspace too.
    expect(dirs).toEqual(expect.arrayContaining(subgraphs.map((s) => `subgraphs/${path.basename(s.dir)}`)));
  });
});

describe('Dockerfile', () => {
  it('installs with every workspace manifest in place', () => {
    for (const pattern of rootPackage.workspaces) expect(dockerfile).toContain(`${pattern}/package.json`);
    expect(dockerfile).toContain('package-lock.json');
    expect(instructions.some((line) => /^RUN .*npm ci\b/.test(line))).toBe(true);
  });

  it('builds in a node:20-bookworm-slim stage and runs as node in production', () => {
    expect(instructions).toContainEqual(expect.stringMatching(/^FROM node:20-bookworm-slim AS \w+$/i));
    expect(instructions.some((line) => /^RUN .*npm run build\b/.test(line))).toBe(true);
    const lastStage = instructions.slice(instructions.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true));
    expect(lastStage[0]).toMatch(/^FROM node:20-bookworm-slim\b/i);
    expect(lastStage.join('\n')).toMatch(/NODE_ENV=production/);
    expect(lastStage.join('\n')).toMatch(/HOST=0\.0\.0\.0/);
    expect(lastStage).toContain('USER node');
    expect(lastStage).toContain('CMD ["node", "gateway/dist/main.js"]');
  });

  it('leaves build output and dependencies out of the context', () => {
    const patterns = dockerignore.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
    for (const expected of ['node_modules', 'dist', '.data', 'coverage', '*.tsbuildinfo', '.git']) {
      expect(patterns.some((p) => p === expected || p === `**/${expected}`)).toBe(true);
    }
    // ...but not the sources or the committed supergraph the gateway serves.
    for (const dir of [...workspaceDirs(), 'gateway/generated/supergraph.graphql']) expect(patterns).not.toContain(dir);
  });
});
