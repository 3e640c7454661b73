import { useQuery } from '../../api/useQuery';
import { hrefOf, onLinkClick, setParams, useRoute } from '../../app/router';
import { CsvExport } from '../../components/CsvExport';
import { type Column, DataTable } from '../../components/DataTable';
import { MarksLegend } from '../../components/Figure';
import { ChartMarkerNote } from '../../components/LineChart';
import { QueryBehind } from '../../components/QueryBehind';
import { QueryStatus } from '../../components/QueryStatus';
import { ProfileAreaDocument, type ProfileAreaQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import type { ApiError } from '../../api/client';
import { AreaSelect, useAreas } from './AreaSelect';
import { CellFigure, cellText } from './CellFigure';
import { FRAMEWORK_ORDER, isCount, offeredYears, orderedIndicators, yearRange, yearsWithData } from './indicatorData';
import { IndicatorCard } from './IndicatorCard';
import { digitsFor, profileColumns, type ProfileRow, profileRows } from './profileModel';
import { YearRangePicker } from './YearRangePicker';

type GroupBy = 'fa' | 'sector';

/** Issue 16, item 2: every sector's indicators for one area beside its ward and the city. */
export function ProfileView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { params } = useRoute();
  const areas = useAreas();
  const areaId = params.get('area') ?? areas?.find((a) => a.kind === 'MUNICIPALITY')?.id ?? '';
  const groupBy: GroupBy = params.get('group') === 'sector' ? 'sector' : 'fa';
  const years = offeredYears();
  const range = yearRange(params, years);
  const variables = { id: areaId, from: `${range.from}-01-01`, to: `${range.to}-12-31`, language: i18n.apiLanguage };
  const state = useQuery(ProfileAreaDocument, variables, { skip: !areaId });
  const shown = state.status === 'done' && state.data ? yearsWithData(profileColumns(state.data, state.errors).map((c) => c.values), range.from, range.to, !range.chosen) : undefined;
  return (
    <div class="profile-view">
      <div class="controls">
        <AreaSelect id="profile-area" label={t('profile.area')} value={areaId} onChange={(id) => setParams({ area: id }, { push: true })} />
        <fieldset class="group-by">
          <legend>{t('profile.groupBy')}</legend>
          {(['fa', 'sector'] as const).map((value) => (
            <label key={value} class="inline">
              <input type="radio" name="profile-group" value={value} checked={groupBy === value} onChange={() => setParams({ group: value === 'fa' ? undefined : value })} /> {t(value === 'fa' ? 'field.frameworkArea' : 'field.sector')}
            </label>
          ))}
        </fieldset>
        <YearRangePicker idPrefix="profile-year" years={years} from={shown ? Number(shown[0]) : range.from} to={shown ? Number(shown[shown.length - 1]) : range.to} onChange={(from, to) => setParams({ from: String(from), to: String(to) })} />
      </div>
      {!areaId ? (
        <p>{t('profile.pickArea')}</p>
      ) : (
        <QueryStatus state={state}>{(data, done) => (data?.area ? <ProfileBody data={data} errors={done.errors} years={shown ?? []} groupBy={groupBy} /> : <p role="alert" class="error">{t('profile.notFound', { id: areaId })}</p>)}</QueryStatus>
      )}
      {areaId && <QueryBehind document={ProfileAreaDocument} variables={variables} />}
    </div>
  );
}

function ProfileBody({ data, errors, years, groupBy }: { data: ProfileAreaQuery; errors: ApiError[]; years: string[]; groupBy: GroupBy }) {
  const i18n = useI18n();
  const { t } = i18n;
  const columns = profileColumns(data, errors);
  const [area, ...parents] = columns;
  const sectorOrder = data.sectors.map((s) => s.name);
  const sectorLabel = (name: string) => data.sectors.find((s) => s.name === name)?.label ?? name;
  const frameworkLabel = (fa: string) => data.frameworkAreas.find((f) => f.area === fa)?.label ?? fa;
  const indicators = orderedIndicators(data.indicatorCatalogue, groupBy, sectorOrder);
  const rows = profileRows(indicators, years, columns);
  const groupOf = (indicator: (typeof indicators)[number]) => (groupBy === 'fa' ? indicator.frameworkArea : indicator.sector);
  const groups = groupBy === 'fa' ? FRAMEWORK_ORDER.filter((fa) => indicators.some((i) => i.frameworkArea === fa)) : [...new Set(indicators.map((i) => i.sector))];
  const groupLabel = (group: string) => (groupBy === 'fa' ? frameworkLabel(group) : sectorLabel(group));
  const areaCells = rows.map((row) => row.cells[0]).filter((cell) => !cell.denied);
  // A period the hub holds no data of (no value, nothing withheld) says nothing of the area's figures.
  const publishedCells = areaCells.filter((cell) => cell.suppressed || cell.value != null);
  const coarseOnly = area.kind === 'NEIGHBOURHOOD' && publishedCells.length > 0 && publishedCells.every((cell) => cell.suppressed && cell.suppressionReason === 'COARSE_GEOGRAPHY_ONLY');
  const deniedSectors = [...new Set(indicators.filter((i) => rows.some((r) => r.indicator === i && r.cells[0].denied)).map((i) => sectorLabel(i.sector)))];
  const digitsOf = new Map(indicators.map((indicator) => [indicator.id, digitsFor(rows.filter((r) => r.indicator === indicator))]));
  const tableColumns: Column<ProfileRow>[] = [
    { key: 'group', header: groupBy === 'fa' ? t('field.frameworkArea') : t('field.sector'), text: (row) => groupLabel(groupOf(row.indicator)) },
    { key: 'indicator', header: t('field.indicator'), text: (row) => row.indicator.name },
    { key: 'unit', header: t('field.unit'), text: (row) => row.indicator.unit },
    { key: 'year', header: t('field.year'), text: (row) => row.year },
    ...columns.map((column, index) => ({
      key: column.id,
      header: column.name,
      numeric: true,
      text: (row: ProfileRow) => cellText(i18n, row.cells[index], digitsOf.get(row.indicator.id)!),
      render: (row: ProfileRow) => <CellFigure cell={row.cells[index]} digits={digitsOf.get(row.indicator.id)!} />,
    })),
  ];
  return (
    <>
      <h2 data-testid="profile-area">{area.name}</h2>
      <p class="profile-beside">
        {parents.length ? t('profile.beside', { areas: parents.map((p) => p.name).join(t('profile.and')) }) : t('profile.whole')}{' '}
        <a href={hrefOf('compare', { areas: columns.map((c) => c.id).join(',') })} onClick={onLinkClick}>
          {t('profile.compareLink')}
        </a>
      </p>
      {coarseOnly && (
        <p class="notice" data-testid="coarse-notice">
          {t('profile.coarseOnly', { area: area.name })}
        </p>
      )}
      {deniedSectors.length > 0 && (
        <p class="notice" data-testid="denied-notice">
          {t('errors.partial', { sectors: deniedSectors.join(', ') })}
        </p>
      )}
      <MarksLegend />
      <ChartMarkerNote />
      {groups.map((group) => (
        <section key={group} class="profile-group" aria-labelledby={`group-${group}`}>
          <h3 id={`group-${group}`}>{groupLabel(group)}</h3>
          <div class="indicator-grid">
            {indicators
              .filter((indicator) => groupOf(indicator) === group)
              .map((indicator) => (
                <IndicatorCard
                  key={indicator.id}
                  indicator={indicator}
                  rows={rows.filter((r) => r.indicator === indicator)}
                  columns={columns}
                  count={isCount(indicator, columns.map((c) => c.values))}
                  frameworkLabel={frameworkLabel(indicator.frameworkArea)}
                  sectorLabel={sectorLabel(indicator.sector)}
                />
              ))}
          </div>
        </section>
      ))}
      <section class="profile-table" aria-labelledby="profile-table-title">
        <h3 id="profile-table-title">{t('profile.tableTitle')}</h3>
        <div class="toolbar">
          <CsvExport columns={tableColumns} rows={rows} fileName={`profile-${area.id}-${years[0] ?? ''}-${years[years.length - 1] ?? ''}`} />
        </div>
        <details class="table-twin" data-testid="profile-table">
          <summary>{t('table.show')}</summary>
          <DataTable caption={t('profile.tableCaption', { area: area.name })} columns={tableColumns} rows={rows} rowKey={(row) => `${row.indicator.id}|${row.year}`} id="profile-table" />
        </details>
      </section>
    </>
  );
}
