import type { ScorecardPlanQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';

type Plan = NonNullable<ScorecardPlanQuery['plan']>;

/** The plan's priority risks by rank, named as the hub's risk-factor taxonomy names them. */
export function PriorityRisks({ risks, labelOf }: { risks: Plan['priorityRisks']; labelOf: (category: string) => string }) {
  const { t } = useI18n();
  if (risks.length === 0) return <p class="muted">{t('scorecard.noRisks')}</p>;
  return (
    <ol class="priority-risks" data-testid="priority-risks">
      {risks.map((risk) => (
        <li key={risk.id} value={risk.rank}>
          <strong>{labelOf(risk.category)}</strong>
          <p>{risk.rationale}</p>
          <p class="muted">
            {t('scorecard.riskAreas', { areas: risk.areas.map((area) => area.name).join(', ') })}
          </p>
        </li>
      ))}
    </ol>
  );
}
