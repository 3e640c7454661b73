import { useRef } from 'preact/hooks';
import { useQuery } from '../../api/useQuery';
import { setParams, useRoute } from '../../app/router';
import { BarChart } from '../../components/BarChart';
import type { Column } from '../../components/DataTable';
import { DataTable } from '../../components/DataTable';
import { QueryBehind } from '../../components/QueryBehind';
import { QueryStatus } from '../../components/QueryStatus';
import { AppAreasDocument, ServicesAssetMapDocument, type SocialServicesCategory } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { AssetMatrix } from './AssetMatrix';
import { type GapRow, GapsTable } from './GapsTable';
import { ProgramsTable } from './ProgramsTable';
import { SERVICE_CATEGORIES, ServicesFilters } from './ServicesFilters';

interface CountRow {
  area: string;
  label: string;
  programs: number;
}

/**
 * The asset map: community programs serving an area, by framework area and category, beside the
 * gaps the hub finds for each plan's priority risks (neighbourhoods and framework areas with too
 * few programs answering the risk).
 */
export function ServicesView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { params } = useRoute();
  const areasState = useQuery(AppAreasDocument, {});
  const areas = areasState.status === 'done' ? (areasState.data?.areas ?? []) : [];
  const municipality = areas.find((area) => area.kind === 'MUNICIPALITY');
  const asked = params.get('area');
  const areaId = asked && areas.some((area) => area.id === asked) ? asked : municipality?.id;
  const category = (SERVICE_CATEGORIES as readonly string[]).includes(params.get('category') ?? '') ? (params.get('category') as SocialServicesCategory) : undefined;
  const variables = { areaId: areaId ?? '', category: category ?? null, language: i18n.apiLanguage };
  const state = useQuery(ServicesAssetMapDocument, variables, { skip: !areaId });
  const areaName = (id: string) => areas.find((area) => area.id === id)?.name ?? id;
  // The filters stay on screen (and keep keyboard focus) while the next answer loads.
  const last = useRef<{ frameworkAreas: { area: string; label: string }[]; plans: { id: string; title: string }[] }>();
  if (state.status === 'done' && state.data) last.current = { frameworkAreas: state.data.frameworkAreas, plans: state.data.plans };
  const frameworkChoice = last.current?.frameworkAreas.some((info) => info.area === params.get('framework')) ? params.get('framework')! : '';
  const planChoice = last.current?.plans.find((p) => p.id === params.get('plan'))?.id ?? last.current?.plans[0]?.id ?? '';
  return (
    <div class="services">
      <p class="muted">{t('services.intro')}</p>
      {areaId && last.current && (
        <ServicesFilters
          areas={areas}
          frameworkAreas={last.current.frameworkAreas}
          plans={last.current.plans}
          choice={{ areaId, frameworkArea: frameworkChoice, category: category ?? '', planId: planChoice }}
          onChange={(changes) => setParams(changes)}
        />
      )}
      <QueryStatus state={areasState}>
        {() =>
          areaId ? (
            <QueryStatus state={state}>
              {(data) => {
                if (!data?.area) return <p>{t('services.noArea')}</p>;
                const frameworkAreas = data.frameworkAreas;
                const frameworkArea = frameworkAreas.some((info) => info.area === params.get('framework')) ? params.get('framework')! : '';
                const frameworkLabel = (area: string) => frameworkAreas.find((info) => info.area === area)?.label ?? area;
                const riskLabel = (category: string) => data.riskFactorTaxonomy.find((info) => info.category === category)?.label ?? category;
                const plan = data.plans.find((p) => p.id === params.get('plan')) ?? data.plans[0];
                const all = data.area.socialServices?.services ?? [];
                const programs = frameworkArea ? all.filter((p) => p.frameworkArea === frameworkArea) : all;
                const counts: CountRow[] = frameworkAreas.map((info) => ({ area: info.area, label: info.label, programs: all.filter((p) => p.frameworkArea === info.area).length }));
                const inArea = new Set(data.area.neighbourhoodIds);
                const gaps: GapRow[] = (plan?.priorityRisks ?? []).flatMap((risk) =>
                  risk.serviceGaps
                    .filter((gap) => gap.gap && inArea.has(gap.areaId) && (!frameworkArea || gap.frameworkArea === frameworkArea))
                    .map((gap) => ({ key: `${risk.id}|${gap.areaId}|${gap.frameworkArea}`, rank: risk.rank, risk: riskLabel(risk.category), area: areaName(gap.areaId), frameworkArea: frameworkLabel(gap.frameworkArea), services: gap.services })),
                );
                const countColumns: Column<CountRow>[] = [
                  { key: 'area', header: t('field.frameworkArea'), text: (row) => row.label },
                  { key: 'programs', header: t('services.col.programs'), numeric: true, text: (row) => i18n.number(row.programs, 0) },
                ];
                const filename = `services-${data.area.id}${frameworkArea ? `-${frameworkArea.toLowerCase()}` : ''}${category ? `-${category.toLowerCase()}` : ''}`;
                return (
                  <>
                    <h2>{t('services.byFramework', { area: data.area.name })}</h2>
                    <div class="twin">
                      <BarChart title={t('services.chartTitle', { area: data.area.name })} bars={counts.map((row) => ({ key: row.area, label: row.label, value: row.programs }))} digits={0} testId="services-chart" />
                      <DataTable caption={t('services.countsCaption', { area: data.area.name })} columns={countColumns} rows={counts} rowKey={(row) => row.area} id="services-counts" />
                    </div>
                    <section aria-labelledby="services-gaps-title" data-testid="gaps-section">
                      <h2 id="services-gaps-title">{t('services.gaps')}</h2>
                      <p class="muted">{plan ? t('services.gapsHelp', { plan: plan.title }) : t('services.noPlan')}</p>
                      <GapsTable rows={gaps} fileName={`gaps-${data.area.id}`} />
                    </section>
                    <section aria-labelledby="services-programs-title" data-testid="programs-section">
                      <h2 id="services-programs-title">{t('services.programs')}</h2>
                      <ProgramsTable programs={programs} frameworkLabel={frameworkLabel} areaName={areaName} fileName={filename} />
                    </section>
                    <h2>{t('services.matrix')}</h2>
                    <AssetMatrix neighbourhoodIds={data.area.neighbourhoodIds} programs={all} frameworkAreas={frameworkAreas} areaName={areaName} />
                  </>
                );
              }}
            </QueryStatus>
          ) : (
            <p>{t('services.noArea')}</p>
          )
        }
      </QueryStatus>
      <QueryBehind document={ServicesAssetMapDocument} variables={variables} />
    </div>
  );
}
