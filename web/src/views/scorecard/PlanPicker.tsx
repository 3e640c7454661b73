import type { ScorecardPlanListQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';

type PlanSummary = ScorecardPlanListQuery['plans'][number];

/** The plans the viewer may read, newest first; the choice lives in the URL (`plan=`). */
export function PlanPicker({ plans, value, onChange, id = 'plan-picker' }: { plans: PlanSummary[]; value: string; onChange: (id: string) => void; id?: string }) {
  const { t } = useI18n();
  return (
    <div>
      <label for={id}>{t('scorecard.plan')}</label>
      <select id={id} value={value} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)} data-testid="plan-picker">
        {plans.map((plan) => (
          <option key={plan.id} value={plan.id}>
            {t('scorecard.planOption', { title: plan.title, status: t(`scorecard.status.${plan.status}` as MessageKey) })}
          </option>
        ))}
      </select>
    </div>
  );
}
