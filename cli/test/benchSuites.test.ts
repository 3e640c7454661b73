import { ImportDataset, parseImportFile, validateRecords } from '@cswb/subgraph-kit/import';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { parseSubgraphFetches, spreadPick } from '@cswb/cli/dist/bench/benchHelpers';
import { occurrencesCsv } from '@cswb/cli/dist/bench/ingestionBench';
import { aliasedProfileQuery, profileFragment, statementsVerdict } from '@cswb/cli/dist/bench/sqlScalingBench';
import { MEMORY_BUDGET_MIB } from '@cswb/cli/dist/bench/profileBench';
import * as fs from 'node:fs';
import * as path from 'node:path';

describe('bench suite helpers', () => {
  it('check the memory budget docs/operations.md writes down, process by process', () => {
    const operations = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'operations.md'), 'utf8');
    const section = operations.slice(operations.indexOf('## Memory budget'), operations.indexOf('\n## ', operations.indexOf('## Memory budget') + 1));
    const written = (row: string) => Number(new RegExp(`^\\| ${row}[^|]*\\| (\\d+) MiB \\|`, 'm').exec(section)?.[1]);
    expect({ gateway: written('gateway'), subgraphs: written('subgraphs'), postgres: written('PostgreSQL') }).toEqual(MEMORY_BUDGET_MIB);
  });

  it('read subgraph fetches per subgraph from the gateway metrics, whatever the outcome', () => {
    const metrics = [
      '# TYPE cswb_gateway_subgraph_fetches_total counter',
      'cswb_gateway_subgraph_fetches_total{subgraph="police",outcome="ok"} 3',
      'cswb_gateway_subgraph_fetches_total{subgraph="police",outcome="timeout"} 1',
      'cswb_gateway_subgraph_fetches_total{subgraph="health",outcome="ok"} 2',
      'cswb_gateway_requests_total{status="200"} 9',
    ].join('\n');
    expect(parseSubgraphFetches(metrics)).toEqual({ police: 4, health: 2 });
  });

  it('pick evenly spread items, first and last included', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    expect(spreadPick(items, 3)).toEqual([0, 500, 999]);
    expect(new Set(spreadPick(items, 100)).size).toBe(100);
    expect(spreadPick([1, 2], 5)).toEqual([1, 2]);
  });

  it('ask for each named area once, by alias', () => {
    const query = aliasedProfileQuery(['a-n001', 'a-n002']);
    expect(query).toContain('a0: area(id: "a-n001") { ...Profile }');
    expect(query).toContain('a1: area(id: "a-n002") { ...Profile }');
  });

  it('take the profile fragment from the documented query, whatever sectors it asks for', () => {
    const fragment = profileFragment(`query Q($kind: AreaKind) {
  areas(kind: $kind) { id transit { indicators { ...Series } } }
}
fragment Series on IndicatorSeries { indicator { id } }`);
    expect(fragment).toMatch(/^fragment Profile on Area \{\n  id\n  transit \{\n    indicators \{\n      \.\.\.Series/);
    expect(fragment).toContain('fragment Series on IndicatorSeries {');
    expect(() => profileFragment('{ area(id: "x") { id } }')).toThrow('no `areas { … }` selection');
  });

  it('call statements constant only when sectors never change and planning only across shapes', () => {
    const run = (shape: string, planning: number, police: number) => ({ shape, statements: [{ planning, police }], fetches: [{ planning: 1, police: 1 }] });
    expect(statementsVerdict([run('areas', 2, 1), run('children', 3, 1), run('areas', 2, 1)], ['planning', 'police']).holds).toBe(true);
    expect(statementsVerdict([run('areas', 2, 1), run('areas', 2, 2)], ['planning', 'police'])).toMatchObject({ holds: false });
    expect(statementsVerdict([run('areas', 2, 1), run('areas', 3, 1)], ['planning', 'police']).text).toContain('planning');
  });

  it('write a police occurrences file that the import accepts row for row', () => {
    const city = createSyntheticCity('small', 1);
    const police = discoverSubgraphs().find((s) => s.definition.name === 'police')!.definition;
    const dataset = police.importDatasets!.find((d) => d.name === 'occurrences') as ImportDataset;
    const { rows, rejected } = validateRecords(dataset, parseImportFile(occurrencesCsv(500, city.neighbourhoods.map((n) => n.id), city.years), 'csv'));
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(500);
  });

  it('has a 1,000-area city for the benchmarks only', () => {
    const region = createSyntheticCity('region', 20190101);
    expect(region.neighbourhoods).toHaveLength(1000);
    expect(new Set(region.neighbourhoods.map((n) => n.id)).size).toBe(1000);
    expect(region.wards).toHaveLength(10);
  });
});
