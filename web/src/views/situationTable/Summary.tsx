import { Figure } from '../../components/Figure';
import type { SituationTableAnalyticsViewQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';

type Analytics = NonNullable<SituationTableAnalyticsViewQuery['situationTableAnalytics']>;

/** Discussions, AER share and outcomes for the period, with their marks; shares as the hub computes them. */
export function Summary({ analytics }: { analytics: Analytics }) {
  const i18n = useI18n();
  const { t } = i18n;
  const count = (value: number | null) => ({ value, perturbed: analytics.perturbed, suppressed: value == null });
  const percent = (value: number | null) => (value == null ? t('marks.noData') : t('situationTable.percent', { value: i18n.number(value, 1) }));
  return (
    <>
      <dl class="st-summary" data-testid="st-summary">
        <div>
          <dt>{t('situationTable.discussions')}</dt>
          <dd data-field="discussions">
            <Figure disclosure={count(analytics.discussions)} digits={0} />
          </dd>
        </div>
        <div>
          <dt>{t('situationTable.aerMet')}</dt>
          <dd data-field="aerMet">
            <Figure disclosure={count(analytics.aerMet)} digits={0} /> <span class="muted">({percent(analytics.aerMetShare)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('situationTable.riskLowered')}</dt>
          <dd data-field="riskLowered">
            <Figure disclosure={count(analytics.riskLowered)} digits={0} /> <span class="muted">({percent(analytics.riskLoweredShare)})</span>
          </dd>
        </div>
      </dl>
      <p class="muted">{analytics.exact ? t('situationTable.exact') : t('situationTable.perturbedNote')}</p>
    </>
  );
}
