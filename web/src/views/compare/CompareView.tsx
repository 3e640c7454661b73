import type { ApiError } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { setParams, useRoute } from '../../app/router';
import { CsvExport } from '../../components/CsvExport';
import { type Column, DataTable } from '../../components/DataTable';
import { MarksLegend } from '../../components/Figure';
import { ChartMarkerNote } from '../../components/LineChart';
import { QueryBehind } from '../../components/QueryBehind';
import { QueryStatus } from '../../components/QueryStatus';
import { CompareAreasDocument, type CompareAreasQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { useAreas } from '../profile/AreaSelect';
import { CellFigure, cellText } from '../profile/CellFigure';
import { type CatalogueEntry, type Cell, cellOf, isCount, offeredYears, orderedIndicators, SECTOR_FIELDS, yearRange, yearsWithData } from '../profile/indicatorData';
import { digitsFor } from '../profile/profileModel';
import { YearRangePicker } from '../profile/YearRangePicker';
import { AreaChooser, MAX_AREAS } from './AreaChooser';
import { CompareChart } from './CompareChart';
import { type CompareColumn, compareColumns, compareVariables } from './compareModel';
import { type IndicatorChoice, IndicatorFilter } from './IndicatorFilter';

/** Issue 16, item 3: two to six areas side by side, in a table and in small multiples. */
export function CompareView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { params } = useRoute();
  const areas = useAreas();
  const asked = params.get('areas');
  // Without a choice in the URL: the wards, a comparison every viewer may see.
  const ids = (asked != null ? asked.split(',').filter(Boolean) : (areas ?? []).filter((a) => a.kind === 'WARD').map((a) => a.id)).filter((id, i, all) => all.indexOf(id) === i).slice(0, MAX_AREAS);
  const choice: IndicatorChoice = { fa: params.get('fa') ?? undefined, sector: params.get('fa') ? undefined : (params.get('sector') ?? undefined) };
  const years = offeredYears();
  const range = yearRange(params, years);
  const variables = compareVariables(ids, range.from, range.to, i18n.apiLanguage);
  const state = useQuery(CompareAreasDocument, variables, { skip: ids.length === 0 });
  const columns = state.status === 'done' ? compareColumns(state.data, state.errors, ids.length) : [];
  const shown = state.status === 'done' && columns.length ? yearsWithData(columns.map((c) => c.values), range.from, range.to, !range.chosen) : undefined;
  return (
    <div class="compare-view">
      <div class="controls">
        {areas && <AreaChooser chosen={ids} areas={areas} onChange={(next) => setParams({ areas: next.join(',') || ',' })} />}
        <YearRangePicker idPrefix="compare-year" years={years} from={shown ? Number(shown[0]) : range.from} to={shown ? Number(shown[shown.length - 1]) : range.to} onChange={(from, to) => setParams({ from: String(from), to: String(to) })} />
      </div>
      {ids.length === 1 && <p class="notice">{t('compare.pickMore')}</p>}
      {ids.length > 0 && (
        <QueryStatus state={state}>
          {(data, done) => data && <CompareBody data={data} errors={done.errors} columns={columns} years={shown ?? []} choice={choice} />}
        </QueryStatus>
      )}
      {ids.length > 0 && <QueryBehind document={CompareAreasDocument} variables={variables} />}
    </div>
  );
}

interface CompareRow {
  indicator: CatalogueEntry;
  cells: Cell[];
}

function CompareBody({ data, errors, columns, years, choice }: { data: CompareAreasQuery; errors: ApiError[]; columns: CompareColumn[]; years: string[]; choice: IndicatorChoice }) {
  const i18n = useI18n();
  const { t } = i18n;
  const sectors = data.sectors.filter((s) => s.name in SECTOR_FIELDS);
  const sectorLabel = (name: string) => sectors.find((s) => s.name === name)?.label ?? name;
  const indicators = orderedIndicators(data.indicatorCatalogue, choice.sector ? 'sector' : 'fa', sectors.map((s) => s.name)).filter((i) => (!choice.fa || i.frameworkArea === choice.fa) && (!choice.sector || i.sector === choice.sector));
  const latest = years[years.length - 1] ?? '';
  const cellsOf = new Map(indicators.map((indicator) => [indicator.id, columns.map((c) => years.map((year) => cellOf(c.values, indicator, year)))]));
  const digitsOf = new Map(indicators.map((indicator) => [indicator.id, digitsFor(cellsOf.get(indicator.id)!.map((cells) => ({ cells })))]));
  const rows: CompareRow[] = indicators.map((indicator) => ({ indicator, cells: cellsOf.get(indicator.id)!.map((byYear) => byYear[byYear.length - 1] ?? { value: null }) }));
  const deniedSectors = [...new Set(indicators.filter((i) => rows.some((r) => r.indicator === i && r.cells.some((c) => c.denied))).map((i) => sectorLabel(i.sector)))];
  const missing = errors.filter((e) => e.extensions?.code === 'NOT_FOUND');
  const coarse = columns.filter((_, index) => {
    // A period the hub holds no data of (no value, nothing withheld) says nothing of the area's figures.
    const shown = rows.map((row) => row.cells[index]).filter((cell) => !cell.denied && (cell.suppressed || cell.value != null));
    return shown.length > 0 && shown.every((cell) => cell.suppressed && cell.suppressionReason === 'COARSE_GEOGRAPHY_ONLY');
  });
  const tableColumns: Column<CompareRow>[] = [
    { key: 'indicator', header: t('field.indicator'), text: (row) => row.indicator.name },
    { key: 'unit', header: t('field.unit'), text: (row) => row.indicator.unit },
    ...columns.map((column, index) => ({
      key: column.id,
      header: column.name,
      numeric: true,
      text: (row: CompareRow) => cellText(i18n, row.cells[index], digitsOf.get(row.indicator.id)!),
      render: (row: CompareRow) => <CellFigure cell={row.cells[index]} digits={digitsOf.get(row.indicator.id)!} />,
    })),
  ];
  return (
    <>
      <div class="controls">
        <IndicatorFilter choice={choice} frameworkAreas={data.frameworkAreas} sectors={sectors} onChange={(next) => setParams({ fa: next.fa, sector: next.sector })} />
      </div>
      {missing.map((error) => (
        <p key={error.message} role="alert" class="error">
          {error.message}
        </p>
      ))}
      {coarse.length > 0 && (
        <p class="notice" data-testid="coarse-notice">
          {t('compare.coarseOnly', { areas: coarse.map((c) => c.name).join(', ') })}
        </p>
      )}
      {deniedSectors.length > 0 && (
        <p class="notice" data-testid="denied-notice">
          {t('errors.partial', { sectors: deniedSectors.join(', ') })}
        </p>
      )}
      {indicators.length === 0 ? (
        <p>{t('compare.noIndicators')}</p>
      ) : (
        <>
          <section aria-labelledby="compare-table-title">
            <h2 id="compare-table-title">{t('compare.tableTitle')}</h2>
            <div class="toolbar">
              <CsvExport columns={tableColumns} rows={rows} fileName={`compare-${columns.map((c) => c.id).join('-')}-${latest}`} />
            </div>
            <DataTable caption={t('compare.tableCaption', { year: latest })} columns={tableColumns} rows={rows} rowKey={(row) => row.indicator.id} id="compare-table" />
            <MarksLegend />
          </section>
          <section aria-labelledby="compare-charts-title">
            <h2 id="compare-charts-title">{t('compare.chartsTitle')}</h2>
            <ChartMarkerNote />
            <div class="indicator-grid">
              {indicators.map((indicator) => (
                <CompareChart key={indicator.id} indicator={indicator} years={years} columns={columns} cells={cellsOf.get(indicator.id)!} count={isCount(indicator, columns.map((c) => c.values))} digits={digitsOf.get(indicator.id)!} />
              ))}
            </div>
          </section>
        </>
      )}
    </>
  );
}
