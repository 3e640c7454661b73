import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIndicatorCatalogue } from '@cswb/subgraph-planning';
import { CatalogueError } from '@cswb/subgraph-kit/vocabulary';

const indicator = (id: string, sector = id.split('.')[0]) => ({ id, sector, name: id, unit: 'count' });

describe('the indicator catalogue file', () => {
  it('reads the composed catalogue', () => {
    const text = fs.readFileSync(path.resolve(__dirname, '..', 'generated', 'indicator-catalogue.json'), 'utf8');
    const catalogue = parseIndicatorCatalogue(text);
    expect(catalogue.length).toBeGreaterThan(0);
    expect(new Set(catalogue.map((i) => i.id)).size).toBe(catalogue.length);
  });

  it('refuses a file without an indicators list', () => {
    expect(() => parseIndicatorCatalogue('{"indicator": []}')).toThrow(CatalogueError);
    expect(() => parseIndicatorCatalogue('{"indicator": []}')).toThrow('the file has no "indicators" list');
  });

  it('names every indicator listed twice or without an id or sector', () => {
    const text = JSON.stringify({ indicators: [indicator('police.a'), indicator('police.a'), { name: 'nameless' }, indicator('health.b')] });
    expect(() => parseIndicatorCatalogue(text)).toThrow(/police\.a is listed twice[\s\S]*indicator 2 has no id or no sector/);
  });
});
