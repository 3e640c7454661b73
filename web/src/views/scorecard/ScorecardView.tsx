import { useQuery } from '../../api/useQuery';
import { setParams, useRoute } from '../../app/router';
import { MarksLegend } from '../../components/Figure';
import { QueryBehind } from '../../components/QueryBehind';
import { QueryStatus } from '../../components/QueryStatus';
import { ScorecardPlanDocument, ScorecardPlanListDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { FrameworkBalance } from './FrameworkBalance';
import { date } from './format';
import { MeasuresTable } from './MeasuresTable';
import { MeasureTrends } from './MeasureTrends';
import { measureRows } from './measureRows';
import { PlanPicker } from './PlanPicker';
import { PriorityRisks } from './PriorityRisks';
import { StrategiesByArea } from './StrategiesByArea';

/**
 * A plan's scorecard, as Clear Impact's Scorecard shows one: priority risks, strategies by
 * framework area, each measure's baseline, target, latest value, trend and status (all read and
 * judged by the hub), and the balance of effort across the framework areas.
 */
export function ScorecardView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { params } = useRoute();
  const list = useQuery(ScorecardPlanListDocument, {});
  const plans = list.status === 'done' ? (list.data?.plans ?? []) : [];
  const planId = params.get('plan') && plans.some((plan) => plan.id === params.get('plan')) ? params.get('plan')! : plans[0]?.id;
  const variables = { planId: planId ?? '', language: i18n.apiLanguage };
  const detail = useQuery(ScorecardPlanDocument, variables, { skip: !planId });
  return (
    <div class="scorecard">
      <QueryStatus state={list}>
        {() =>
          plans.length === 0 ? (
            <p>{t('scorecard.noPlans')}</p>
          ) : (
            <div class="controls">
              <PlanPicker plans={plans} value={planId!} onChange={(id) => setParams({ plan: id })} />
            </div>
          )
        }
      </QueryStatus>
      {planId && (
        <QueryStatus state={detail}>
          {(data, state) => {
            const plan = data?.plan;
            if (!plan) return <p>{t('scorecard.noPlans')}</p>;
            const areaLabel = (area: string) => data.frameworkAreas.find((info) => info.area === area)?.label ?? area;
            const riskLabel = (category: string) => data.riskFactorTaxonomy.find((info) => info.category === category)?.label ?? category;
            const rows = measureRows(plan, state.errors);
            return (
              <>
                <p class="plan-summary" data-testid="plan-summary">
                  {t('scorecard.summary', {
                    municipality: plan.municipality.name,
                    start: date(i18n, plan.periodStart),
                    end: date(i18n, plan.periodEnd),
                    status: t(`scorecard.status.${plan.status}` as MessageKey),
                  })}
                  {plan.adoptedOn && ` ${t('scorecard.adopted', { date: date(i18n, plan.adoptedOn), review: plan.reviewDue ? date(i18n, plan.reviewDue) : '—' })}`}
                </p>
                <h2>{t('scorecard.risks')}</h2>
                <PriorityRisks risks={plan.priorityRisks} labelOf={riskLabel} />
                <h2>{t('scorecard.strategies')}</h2>
                <StrategiesByArea plan={plan} areas={data.frameworkAreas} riskLabel={riskLabel} />
                <h2>{t('scorecard.measures')}</h2>
                <p class="muted">{t('scorecard.measuresHelp')}</p>
                <MeasuresTable rows={rows} fileName={`scorecard-${plan.id}`} />
                <MarksLegend />
                <h3>{t('scorecard.trends')}</h3>
                <MeasureTrends rows={rows} />
                <h2>{t('scorecard.balance')}</h2>
                <FrameworkBalance plan={plan} labelOf={areaLabel} />
              </>
            );
          }}
        </QueryStatus>
      )}
      <QueryBehind document={ScorecardPlanDocument} variables={variables} />
    </div>
  );
}
