import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, print, visit } from 'graphql';
import { PROJECT_ROOT } from '@cswb/cli';
import { CLI_MAIN } from '@cswb/testing/cli';
import { writeFileIn } from '@cswb/testing/files';

/** `cswb check <subgraph>` as an agency runs it: a child process of the built CLI. */

const POLICE_SDL = fs.readFileSync(path.join(PROJECT_ROOT, 'subgraphs', 'police', 'generated', 'schema.graphql'), 'utf8');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-check-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function check(...args: string[]) {
  return spawnSync(process.execPath, [CLI_MAIN, 'check', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

/** The police SDL with fields of some types removed, written to a temporary file. */
function policeSchemaWithout(name: string, remove: Record<string, string[]>): string {
  const edited = visit(parse(POLICE_SDL), {
    ObjectTypeDefinition: (node) =>
      remove[node.name.value] ? { ...node, fields: node.fields?.filter((f) => !remove[node.name.value].includes(f.name.value)) } : undefined,
  });
  return write(name, print(edited));
}

const write = (name: string, content: string) => writeFileIn(dir, name, content);

describe('cswb check', () => {
  it('passes the subgraph as its current code builds it', () => {
    const result = check('police');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Composition: ok');
    expect(result.stdout).toContain('no breaking changes');
    expect(result.stdout).toMatch(/Documented queries: all \d+ in docs\/queries are valid/);
    expect(result.status).toBe(0);
  });

  it('reports a removed root field as BREAKING with its path', () => {
    const result = check('police', '--schema', policeSchemaWithout('no-occurrences.graphql', { Query: ['policeOccurrences'] }));
    expect(result.stdout).toMatch(/BREAKING \(1\):\n {2}- Field 'policeOccurrences' was removed from object type 'Query' {2}\[Query\.policeOccurrences\]/);
    expect(result.stdout).toContain('Check failed: 1 breaking change.');
    expect(result.status).toBe(1);
  });

  it('names the documented queries that a removed field breaks', () => {
    const file = policeSchemaWithout('no-area-police.graphql', { Area: ['police', 'population', 'neighbourhoodIds'] });
    const result = check('police', '--schema', file);
    expect(result.stdout).toContain('[Area.police]');
    expect(result.stdout).toMatch(/BREAKING \(\d+\):/);
    expect(result.stdout).toContain('docs/queries/area-police.graphql');
    expect(result.stdout).toContain('Cannot query field "police" on type "Area".');
    expect(result.stdout).toMatch(/Check failed: \d+ breaking changes?, \d+ invalid documented quer/);
    expect(result.status).toBe(1);
  });

  it('lists an added field as SAFE and passes', () => {
    const sdl = POLICE_SDL.replace(/^type PoliceOccurrence \{$/m, 'type PoliceOccurrence {\n  reportingOfficerUnit: String');
    expect(sdl).not.toBe(POLICE_SDL);
    const result = check('police', '--schema', write('added-field.graphql', sdl));
    expect(result.stdout).toContain('SAFE (1):');
    expect(result.stdout).toContain('[PoliceOccurrence.reportingOfficerUnit]');
    expect(result.stdout).not.toContain('BREAKING');
    expect(result.stdout).toContain('no breaking changes');
    expect(result.status).toBe(0);
  });

  it('fails with the composition error when the schema does not compose', () => {
    // The other sectors declare the shareable IndicatorDefinition.name as String!.
    const sdl = POLICE_SDL.replace(/(type IndicatorDefinition @shareable \{[^}]*?\n {2}name\([^)]*\): )String!/, '$1Int!');
    expect(sdl).not.toBe(POLICE_SDL);
    const result = check('police', '--schema', write('incompatible.graphql', sdl));
    expect(result.stdout).toContain('Composition: FAILED');
    expect(result.stdout).toContain('Type of field "IndicatorDefinition.name" is incompatible across subgraphs');
    expect(result.status).toBe(1);
  });

  it('exits 2 on an unknown subgraph, listing the known ones', () => {
    const result = check('fire');
    expect(result.stderr).toContain('unknown subgraph "fire"; known subgraphs: education, health, housing, planning, police');
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  });

  it('exits 2 on a --schema file that is missing or not GraphQL', () => {
    const missing = check('police', '--schema', path.join(dir, 'missing.graphql'));
    expect(missing.stderr).toContain('cannot read --schema file');
    expect(missing.status).toBe(2);
    const invalid = check('police', '--schema', write('invalid.graphql', 'type Query {'));
    expect(invalid.stderr).toContain('is not valid GraphQL SDL: Syntax Error');
    expect(invalid.status).toBe(2);
  });

  it('prints its usage with --help', () => {
    const result = check('--help');
    expect(result.stdout).toContain('Usage: cswb check <subgraph> [--schema <file.graphql>]');
    expect(result.status).toBe(0);
  });
});
