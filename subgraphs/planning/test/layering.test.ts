import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The planning subgraph reads top down: resolvers validate and call the store, the store holds
 * every SQL statement, and the seed's fixtures stay out of the request path.
 */
const SRC = path.resolve(__dirname, '..', 'src');

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(path.join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

/** The src-relative folders a file imports from (relative imports only). */
function importedFolders(file: string, text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+'(\.[^']+)'/g)].map((match) =>
    path.relative(SRC, path.resolve(SRC, path.dirname(file), match[1])),
  );
}

function importsSeed(file: string, text: string): boolean {
  return importedFolders(file, text).some((target) => target === 'seed' || target.startsWith(`seed${path.sep}`));
}

const SQL = [/\bINSERT\s+INTO\b/i, /\bUPDATE\s+\w+\s+SET\b/i, /\bDELETE\s+FROM\b/i, /\bSELECT\b[\s\S]*?\bFROM\b/, /\.query\(/, /createQueryBuilder\(/, /getRepository\(/];

function holdsSql(text: string): boolean {
  return SQL.some((pattern) => pattern.test(text));
}

describe('layering of the planning subgraph', () => {
  it('recognises a violation when it sees one', () => {
    expect(importsSeed('resolvers/X.ts', "import { ORG } from '../seed/fixtures/organisations';")).toBe(true);
    expect(importsSeed('store/X.ts', "import { generatePlans } from '../seed/generatePlans';")).toBe(true);
    expect(importsSeed('resolvers/X.ts', "import { listPlans } from '../store/planStore';")).toBe(false);
    expect(holdsSql("await manager.query('UPDATE plan SET updated_at = now() WHERE id = $1', [id]);")).toBe(true);
    expect(holdsSql('const rows = await repository.createQueryBuilder(\'p\').getMany();')).toBe(true);
    expect(holdsSql('return listPlans(ctx.db.manager, status);')).toBe(false);
  });

  it.each(['resolvers', 'loaders', 'store', 'catalogue', 'plans', 'riskAnalysis'].flatMap(sourceFiles))('%s does not import seed/', (file) => {
    expect(importsSeed(file, fs.readFileSync(path.join(SRC, file), 'utf8'))).toBe(false);
  });

  it.each([...['resolvers', 'loaders', 'catalogue', 'plans'].flatMap(sourceFiles), 'readings.ts'])('%s holds no SQL: the store does', (file) => {
    expect(holdsSql(fs.readFileSync(path.join(SRC, file), 'utf8'))).toBe(false);
  });
});
