import * as fs from 'node:fs';
import * as path from 'node:path';
import { sectorNames } from '@cswb/subgraph-kit/sector';
import { discoverSubgraphs, readSectorRegistry, SECTOR_REGISTRY } from '../discoverSubgraphs';
import { PROJECT_ROOT } from '../projectRoot';

const TEMPLATES = path.join(PROJECT_ROOT, 'cli', 'templates', 'sector');
/** Its database is cswb_<name with underscores>: PostgreSQL cuts identifiers at 63 bytes, and role names add a suffix. */
const MAX_NAME_LENGTH = 40;
/** The other services of docker-compose.yml: a sector's service is named like it. */
const RESERVED_NAMES = ['certs', 'gateway', 'postgres'];

/** The template placeholders, `{{key}}` in file names and contents. */
function placeholders(name: string, port: number, timestamp: number): Record<string, string> {
  const names = sectorNames(name);
  const title = name.replace(/-/g, ' ');
  return {
    name,
    Pascal: names.typePrefix,
    camel: names.fieldName,
    CONST: names.envPrefix,
    snake: names.envPrefix.toLowerCase(),
    title,
    Title: `${title[0].toUpperCase()}${title.slice(1)}`,
    port: String(port),
    timestamp: String(timestamp),
    timestampPlusOne: String(timestamp + 1),
  };
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (match, key: string) => values[key] ?? match);
}

/** Every template file under `dir`, relative to it. */
function templateFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? templateFiles(dir, relative) : [relative];
  });
}

/** Whether every name the hub spells from `name` can be spelled (`sectorNames` refuses the others). */
function isWellFormed(name: string): boolean {
  try {
    sectorNames(name);
    return name.length <= MAX_NAME_LENGTH;
  } catch {
    return false;
  }
}

/** Why `name` cannot be a new sector, or undefined if it can. */
function refusal(name: string, root: string): string | undefined {
  if (!isWellFormed(name)) {
    return `"${name}" is not a valid sector name: use lower-case words of letters and digits joined by single dashes, starting with a letter, at most ${MAX_NAME_LENGTH} characters (e.g. transit, child-welfare)`;
  }
  if (RESERVED_NAMES.includes(name)) return `"${name}" is reserved: docker-compose.yml has a service of that name`;
  if (fs.existsSync(path.join(root, 'subgraphs', name))) return `subgraphs/${name} already exists`;
  if (readSectorRegistry(root).includes(name)) return `"${name}" is already in ${SECTOR_REGISTRY}`;
  return undefined;
}

/** `cswb new-sector <name>`: a new sector's folder from cli/templates/sector, and its registry line. */
export async function newSector(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    process.stderr.write('cswb new-sector: expected one sector name, e.g. cswb new-sector transit (cswb help new-sector)\n');
    return 2;
  }
  const [name] = args;
  const refused = refusal(name, PROJECT_ROOT);
  if (refused) {
    process.stderr.write(`cswb new-sector: ${refused}\n`);
    return 2;
  }
  // The next port after every sector's: ports are also the URLs of the committed supergraph.
  const port = Math.max(...discoverSubgraphs().map((s) => s.definition.defaultPort)) + 1;
  const values = placeholders(name, port, Date.now());
  const folder = path.join(PROJECT_ROOT, 'subgraphs', name);
  for (const template of templateFiles(TEMPLATES)) {
    const target = path.join(folder, fill(template, values).replace(/\.tmpl$/, ''));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, fill(fs.readFileSync(path.join(TEMPLATES, template), 'utf8'), values));
  }
  const registry = path.join(PROJECT_ROOT, SECTOR_REGISTRY);
  const listed = fs.readFileSync(registry, 'utf8');
  fs.writeFileSync(registry, `${listed}${listed.endsWith('\n') ? '' : '\n'}${name}\n`);
  const nextSteps = [
    ['npm install', `links @cswb/subgraph-${name} and records it in package-lock.json`],
    ['npm run build && npm run compose', 'its schema, the supergraph and docker-compose.yml'],
    [`npm run cswb -- check ${name}`, 'what the new schema changes for clients'],
  ];
  process.stdout.write(
    `Created subgraphs/${name} (port ${port}, Area.${values.camel}) and added it to ${SECTOR_REGISTRY}.\n\nNext:\n` +
      nextSteps.map(([command, why]) => `  ${command.padEnd(36)}${why}\n`).join('') +
      `Then replace the synthetic data and the example indicator (docs/adding-a-sector.md).\n`,
  );
  return 0;
}
