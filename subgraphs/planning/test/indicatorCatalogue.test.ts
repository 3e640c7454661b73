import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIndicatorCatalogue, parseSectorLabels } from '@cswb/subgraph-planning';
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

  it('refuses an indicator whose French text is missing or empty, rather than serve English', () => {
    const french = { name: 'a', definition: 'b', unit: 'nombre', source: 'c' };
    const complete = { ...indicator('police.a'), definition: 'd', source: 's', fr: french };
    expect(parseIndicatorCatalogue(JSON.stringify({ indicators: [complete] }))).toHaveLength(1);
    const text = JSON.stringify({ indicators: [complete, { ...complete, id: 'police.b', fr: { ...french, source: '' } }, { ...complete, id: 'police.c', fr: undefined }] });
    expect(() => parseIndicatorCatalogue(text)).toThrow(/police\.b has no FR source[\s\S]*police\.c has no FR name/);
  });

  it('reads every subgraph with its label in both languages, and refuses a label without French', () => {
    const text = fs.readFileSync(path.resolve(__dirname, '..', 'generated', 'indicator-catalogue.json'), 'utf8');
    expect(parseSectorLabels(text).find((s) => s.name === 'planning')?.label.FR).toBeTruthy();
    expect(() => parseSectorLabels('{"indicators": []}')).toThrow('the file has no "sectors" list');
    expect(() => parseSectorLabels(JSON.stringify({ sectors: [{ name: 'police', label: { EN: 'Police' } }, { label: {} }] }))).toThrow(
      new CatalogueError(["sector police's label has no FR text", 'sector 1 has no name']),
    );
  });
});
