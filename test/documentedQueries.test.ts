import * as fs from 'node:fs';
import * as path from 'node:path';
import { API_SCHEMA_FILE, PROJECT_ROOT } from '@cswb/cli';
import { buildSchema, Kind, parse, validate } from 'graphql';

const QUERIES = path.join(PROJECT_ROOT, 'docs', 'queries');
const files = fs.readdirSync(QUERIES).filter((f) => f.endsWith('.graphql')).sort();
const documents = files.map((file) => ({ file, text: fs.readFileSync(path.join(QUERIES, file), 'utf8') }));

describe('docs/queries, loaded together as a client’s code generator loads a folder', () => {
  it('define each fragment and operation name in one file only', () => {
    const definedIn = new Map<string, string[]>();
    for (const { file, text } of documents) {
      for (const definition of parse(text).definitions) {
        if (definition.kind !== Kind.FRAGMENT_DEFINITION && definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const name = `${definition.kind === Kind.FRAGMENT_DEFINITION ? 'fragment' : 'operation'} ${definition.name?.value ?? '(anonymous)'}`;
        definedIn.set(name, [...(definedIn.get(name) ?? []), file]);
      }
    }
    const repeated = [...definedIn].filter(([, where]) => where.length > 1).map(([name, where]) => `${name}: ${where.join(', ')}`);
    expect(repeated).toEqual([]);
  });

  it('are valid together against the published API schema', () => {
    const schema = buildSchema(fs.readFileSync(API_SCHEMA_FILE, 'utf8'));
    const together = parse(documents.map((d) => d.text).join('\n'));
    expect(validate(schema, together).map((error) => error.message)).toEqual([]);
  });
});
