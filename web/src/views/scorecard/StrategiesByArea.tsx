import type { ScorecardPlanQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { money } from './format';

type Plan = NonNullable<ScorecardPlanQuery['plan']>;

/** The plan's strategies grouped under the four framework areas, in framework order. */
export function StrategiesByArea({ plan, areas, riskLabel }: { plan: Plan; areas: { area: string; label: string }[]; riskLabel: (category: string) => string }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div class="strategies" data-testid="strategies">
      {areas.map(({ area, label }) => {
        const strategies = plan.strategies.filter((strategy) => strategy.frameworkArea === area);
        return (
          <section key={area} class="strategy-area" aria-labelledby={`strategies-${area}`}>
            <h3 id={`strategies-${area}`}>{label}</h3>
            {strategies.length === 0 ? (
              <p class="muted">{t('scorecard.noStrategies')}</p>
            ) : (
              <ul>
                {strategies.map((strategy) => (
                  <li key={strategy.id}>
                    <strong>{strategy.title}</strong>
                    <br />
                    <span class="muted">
                      {t('scorecard.strategyLine', {
                        lead: strategy.leadPartner,
                        budget: money(i18n, strategy.budget),
                        risks: strategy.priorityRisks.map((risk) => riskLabel(risk.category)).join(', ') || '—',
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
