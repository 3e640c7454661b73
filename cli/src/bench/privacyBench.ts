import * as path from 'node:path';
import { grantFor } from '@cswb/contract/auth';
import { DEFAULT_SMALLEST_PUBLISHED, MAX_NOISE, measureSmallestPublished, MIN_POPULATION_FOR_SUBANNUAL, NOISE_VARIANCE, perturbationTableFor } from '@cswb/subgraph-kit/privacy';
import { sectorNames } from '@cswb/subgraph-kit/sector';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import type { IndicatorSpec } from '@cswb/subgraph-kit/vocabulary';
import { discoverSubgraphs } from '../discoverSubgraphs';
import type { BenchOptions, BenchSuite } from './BenchSuite';
import { benchBearer, benchChildEnv, plannerCredentials } from './benchHelpers';
import { benchChildren } from './gateways/ipc';
import { postGraphQL } from './measure';
import {
  additivityFigures,
  type AreaRead,
  type CountCell,
  countCells,
  errorFigures,
  exactObservation,
  fineCellFigures,
  maxNoise,
  observationKey,
  type ObservationRead,
  type ProfileRead,
  spearman,
} from './privacyUtility';

const GATEWAY_SCRIPT = path.join(__dirname, 'gatewayProcess.js');
const SUBGRAPHS_SCRIPT = path.join(__dirname, 'gateways', 'subgraphsProcess.js');
/** The aim of issue 15 for published ward-year counts. */
const AIM = 0.01;

interface Sector {
  name: string;
  field: string;
  specs: readonly IndicatorSpec[];
  /** Each measure's smallest published count (T). */
  smallest: ReadonlyMap<string, number>;
}

function profileQuery(sectors: readonly Sector[]): string {
  const fields = sectors.map((s) => `${s.field} { indicators(from: $from, to: $to, granularity: $granularity) { ...Series } }`).join('\n    ');
  return `query PrivacyUtility($kind: AreaKind!, $from: LocalDate!, $to: LocalDate!, $granularity: Granularity!) {
  areas(kind: $kind) {
    id
    parent { id }
    ${fields}
  }
}
fragment Series on IndicatorSeries { indicator { id } observations { period { label } value numerator denominator perturbed suppressed } }`;
}

interface Read {
  areas: AreaRead[];
  observations: ProfileRead;
}

/**
 * Every observation of every sector's indicators over the areas of these kinds, as this caller
 * reads them through the gateway: one request per kind and period, each well within the
 * subgraphs' execution budget.
 */
async function readIndicators(
  url: string,
  sectors: readonly Sector[],
  headers: Record<string, string>,
  kinds: readonly string[],
  granularity: 'MONTH' | 'YEAR',
  periods: readonly { from: string; to: string }[],
): Promise<Read> {
  const query = profileQuery(sectors);
  const result: Read = { areas: [], observations: new Map() };
  const requests = kinds.flatMap((kind) => periods.map((period) => ({ kind, ...period })));
  for (const { kind, from, to } of requests) {
    const response = await postGraphQL(url, query, { kind, from, to, granularity }, headers);
    if (!response.ok) throw new Error(`privacy-utility: ${kind} × ${granularity} ${from}: ${JSON.stringify(response.body.errors ?? response.body).slice(0, 500)}`);
    for (const area of response.body.data.areas) {
      if (from === periods[0].from) result.areas.push({ id: area.id, parentId: area.parent?.id ?? null });
      for (const sector of sectors) {
        for (const series of area[sector.field].indicators) {
          for (const { period, ...values } of series.observations) {
            const observation: ObservationRead = { indicatorId: series.indicator.id, areaId: area.id, label: period.label, ...values };
            result.observations.set(observationKey(observation.indicatorId, area.id, period.label), observation);
          }
        }
      }
    }
  }
  return result;
}

/**
 * The police services of the seeded city. Each service's analyst sees exact police counts over
 * the areas only it polices; no analyst sees the counts of an area both police (see countCells).
 */
function seededPoliceServices(): string[] {
  // The generator's own list, loaded as discoverSubgraphs loads the sectors: by package name, at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Object.values((require('@cswb/subgraph-police') as { POLICE_AGENCIES: Record<string, string> }).POLICE_AGENCIES);
}

const percent = (value: number, digits = 2) => (Number.isNaN(value) ? '–' : `${(value * 100).toFixed(digits)}%`);
const number = (value: number, digits = 1) => (Number.isNaN(value) ? '–' : value.toFixed(digits));

/** `read` for each caller, one at a time. */
async function eachInTurn(callers: readonly Record<string, string>[], read: (headers: Record<string, string>) => Promise<Read>): Promise<Read[]> {
  const reads: Read[] = [];
  for (const headers of callers) reads.push(await read(headers));
  return reads;
}

/** "T / D" of each smallest published count among these measures. */
function parametersOf(sector: Sector, measures: Iterable<string>): string {
  const values = [...new Set([...measures].map((m) => sector.smallest.get(m) ?? DEFAULT_SMALLEST_PUBLISHED))].sort((a, b) => a - b);
  return values.map((t) => `${t} / ${perturbationTableFor(t).parameters.maxNoise}`).join(', ');
}

/**
 * How much the cell-key perturbation costs the figures (docs/privacy.md, issue 15): on the seeded
 * city, as deployed, every sector's indicators read through the gateway by a planner (perturbed)
 * and by analysts with record-level rights (exact) for ward and city years over every year and
 * neighbourhood months of the last year, compared count by count.
 */
export async function privacyUtilityBench(options: BenchOptions): Promise<string> {
  const { log } = options;
  const sectors: Sector[] = discoverSubgraphs()
    .filter((s) => s.definition.indicators?.length)
    .map(({ definition }) => {
      const specs = definition.indicators as readonly IndicatorSpec[];
      return { name: definition.name, field: sectorNames(definition.name).fieldName, specs, smallest: measureSmallestPublished(specs) };
    });
  const specs = sectors.flatMap((s) => s.specs);
  const { years } = createSyntheticCity(options.size, 0);
  const lastYear = years[years.length - 1];

  const { secret, headers: planner } = await plannerCredentials();
  const analystScope = [...new Set(sectors.flatMap((s) => grantFor('sector-analyst', s.name).scopes))].join(' ');
  const analysts = await Promise.all(
    seededPoliceServices().map((agency) => benchBearer(secret, `bench-analyst-${agency}`, { scope: analystScope, agency, purpose: 'evaluation' })),
  );
  const children = benchChildren(benchChildEnv(options.size, secret), log);
  try {
    const started = performance.now();
    log(`privacy-utility: starting the subgraphs (${options.size} data, seeded on first use) and the gateway`);
    const subgraphs = await children.fork(SUBGRAPHS_SCRIPT, 'subgraphs', [], {}, 60 * 60_000, true);
    const urls = Object.fromEntries((subgraphs.ready.subgraphs ?? []).map((s) => [s.name, s.url]));
    const gateway = await children.fork(GATEWAY_SCRIPT, 'gateway', ['secure'], { CSWB_BENCH_SUBGRAPH_URLS: JSON.stringify(urls) }, 120_000);
    const url = gateway.ready.url!;
    const startSeconds = (performance.now() - started) / 1000;

    const fetchStarted = performance.now();
    const everyYear = years.map((year) => ({ from: `${year}-01-01`, to: `${year}-12-31` }));
    // The months of the last year, a quarter per request.
    const lastYearQuarters = [0, 3, 6, 9].map((month) => ({
      from: new Date(Date.UTC(lastYear, month, 1)).toISOString().slice(0, 10),
      to: new Date(Date.UTC(lastYear, month + 3, 0)).toISOString().slice(0, 10),
    }));
    const yearly = (headers: Record<string, string>) => readIndicators(url, sectors, headers, ['MUNICIPALITY', 'WARD'], 'YEAR', everyYear);
    const monthly = (headers: Record<string, string>) => readIndicators(url, sectors, headers, ['NEIGHBOURHOOD'], 'MONTH', lastYearQuarters);
    log(`privacy-utility: reading every sector's indicators as a planner and as ${analysts.length} analysts`);
    const [publishedYears, ...exactYears] = await eachInTurn([planner, ...analysts], yearly);
    const [publishedMonths, ...exactMonths] = await eachInTurn([planner, ...analysts], monthly);
    const fetchSeconds = (performance.now() - fetchStarted) / 1000;

    const wardIds = new Set(publishedYears.areas.filter((a) => a.parentId !== null).map((a) => a.id));
    const municipalityIds = new Set(publishedYears.areas.filter((a) => a.parentId === null).map((a) => a.id));
    const yearCells = countCells(specs, publishedYears.areas, publishedYears.observations, exactYears.map((r) => r.observations));
    const monthCells = countCells(specs, publishedMonths.areas, publishedMonths.observations, exactMonths.map((r) => r.observations));
    const ofSector = (cells: CountCell[], sector: Sector) => cells.filter((c) => c.sector === sector.name);
    const wardCells = yearCells.filter((c) => wardIds.has(c.areaId));
    const cityCells = yearCells.filter((c) => municipalityIds.has(c.areaId));
    log(`privacy-utility: ${yearCells.length + monthCells.length} count cells read in ${fetchSeconds.toFixed(1)} s`);

    const totalsRows = sectors.map((sector) => {
      const ward = errorFigures(ofSector(wardCells, sector));
      const city = errorFigures(ofSector(cityCells, sector));
      const gap = additivityFigures(ofSector(cityCells, sector), ofSector(wardCells, sector));
      const noise = maxNoise([...ofSector(yearCells, sector), ...ofSector(monthCells, sector)]);
      return `| ${sector.name} | ${parametersOf(sector, sector.smallest.keys())} | ${ward.cells} | ${percent(ward.median)} | ${percent(ward.p95)} | ${percent(ward.underOnePercent, 1)} | ${city.cells} | ${percent(city.median)} | ${percent(city.p95)} | ${number(gap.medianGap)} (${number(gap.p95Gap)}); ${percent(gap.medianRelativeGap)} | ${noise} |`;
    });
    const fineRows = sectors.map((sector) => {
      const fine = fineCellFigures(ofSector(monthCells, sector));
      return `| ${sector.name} | ${fine.cells} | ${fine.withheld} | ${percent(fine.changed, 1)} | ${fine.falseZeros} (${percent(fine.falseZeroShare, 1)}) | ${fine.falseNonZeros} (${percent(fine.falseNonZeroShare, 1)}) |`;
    });
    const rankRows = sectors.map((sector) => {
      for (const spec of sector.specs) {
        const keys = [...wardIds].map((id) => observationKey(spec.definition.id, id, String(lastYear)));
        const published = keys.map((key) => publishedYears.observations.get(key)?.value ?? null);
        const exact = keys.map((key) => exactObservation(exactYears.map((r) => r.observations), key)?.value ?? null);
        if ([...published, ...exact].includes(null) || new Set(exact).size < 2) continue;
        return `| ${sector.name} | ${spec.definition.id} (${spec.definition.unit}) | ${spearman(exact as number[], published as number[]).toFixed(3)} |`;
      }
      return `| ${sector.name} | no indicator with a value in every ward | – |`;
    });
    const misses: string[] = [];
    const measureRows = sectors.flatMap((sector) =>
      [...new Set(ofSector(wardCells, sector).map((c) => c.measure))].map((measure) => {
        const cells = wardCells.filter((c) => c.sector === sector.name && c.measure === measure);
        const figures = errorFigures(cells);
        if (!(figures.median < AIM)) misses.push(`${sector.name} ${measure} (median ward-year count ${number(figures.medianExact, 0)})`);
        return `| ${sector.name} | ${measure} | ${parametersOf(sector, [measure])} | ${number(figures.medianExact, 0)} | ${percent(figures.median)} | ${percent(figures.p95)} | ${percent(figures.underOnePercent, 1)} |`;
      }),
    );

    const smallest = [...new Set(sectors.flatMap((s) => [...s.smallest.values()]))].filter((t) => t !== DEFAULT_SMALLEST_PUBLISHED);
    return [
      `### Utility of the perturbed counts on \`${options.size}\` data (${publishedMonths.areas.length} neighbourhoods, ${wardIds.size} wards, ${years[0]}–${lastYear})`,
      '',
      `Parameters (\`shared/kit/src/privacy/privacyConfig.ts\`): smallest published count T = ${DEFAULT_SMALLEST_PUBLISHED}${smallest.length ? ` (${smallest.join(', ')} for the measures whose indicators set it)` : ''}, largest noise D = ${MAX_NOISE} (T − 1 where larger), noise variance V = ${NOISE_VARIANCE}; months withheld for areas under ${MIN_POPULATION_FOR_SUBANNUAL.toLocaleString('en-CA')} residents. ` +
        `Measured as deployed (the seeded data, the subgraphs in one process, the production gateway in another): every sector's indicators read through the gateway by a planner (perturbed) and by analysts with record-level rights in every sector (exact), one per police service (each sees exact police counts where only its own service holds records; the city's police counts, held by both, are the sum of the wards'). ` +
        `Figures are over count cells: every numerator and count denominator (not rates, not populations), each measure once. Relative error: |published − exact| / exact, over cells with exact > 0. ` +
        `Start-up ${startSeconds.toFixed(1)} s, reading ${fetchSeconds.toFixed(1)} s. Rerun: \`npm run build && node cli/dist/main.js bench --only privacy-utility --write\`.`,
      '',
      `**Ward and city totals by year** (${years[0]}–${lastYear}; "city − Σ wards": published city year minus the sum of its published ward years, median (p95) in counts; median over the exact city count):`,
      '',
      '| sector | T / D | ward-year cells | median relative error | p95 | under 1% | city-year cells | median relative error | p95 | city − Σ wards | max \\|noise\\| (all cells read) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...totalsRows,
      '',
      `**Neighbourhood months of ${lastYear}** (changed: published ≠ exact; false zeros: exact > 0 published as 0, share of the exact non-zero cells; false non-zeros: exact 0 published non-zero, share of the exact zero cells):`,
      '',
      '| sector | cells | withheld (small area) | changed | false zeros | false non-zeros |',
      '| --- | --- | --- | --- | --- | --- |',
      ...fineRows,
      '',
      `**Ranking of wards** by each sector's first indicator with a value in every ward, ${lastYear}: Spearman's rank correlation, exact against published.`,
      '',
      '| sector | indicator | Spearman ρ |',
      '| --- | --- | --- |',
      ...rankRows,
      '',
      `**Ward years by measure** (median exact ward-year count beside the relative errors):`,
      '',
      '| sector | measure | T / D | median exact count | median relative error | p95 | under 1% |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...measureRows,
      '',
      `Aim of issue 15, median ward-year relative error under 1%: ${misses.length === 0 ? 'holds for every measure' : `misses for ${misses.length} of ${measureRows.length} measures: ${misses.join('; ')}`}.`,
      '',
    ].join('\n');
  } finally {
    await children.stopAll();
  }
}

export const privacyUtilitySuite: BenchSuite = {
  id: 'privacy-utility',
  title: 'Utility of the cell-key perturbation: published ward, city and neighbourhood-month counts against exact ones',
  document: 'privacy.md',
  run: privacyUtilityBench,
};
