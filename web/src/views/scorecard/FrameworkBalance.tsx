import { BarChart } from '../../components/BarChart';
import type { Column } from '../../components/DataTable';
import { DataTable } from '../../components/DataTable';
import type { ScorecardPlanQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { money, share } from './format';

type Plan = NonNullable<ScorecardPlanQuery['plan']>;
type Balance = Plan['frameworkBalance'][number] & { label: string };

/**
 * The balance of effort across the four framework areas, as the hub computes it: strategies and
 * budget per area, and the share of the budget upstream of incident response against the threshold.
 */
export function FrameworkBalance({ plan, labelOf }: { plan: Plan; labelOf: (area: string) => string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows: Balance[] = plan.frameworkBalance.map((row) => ({ ...row, label: labelOf(row.frameworkArea) }));
  const columns: Column<Balance>[] = [
    { key: 'area', header: t('field.frameworkArea'), text: (row) => row.label },
    { key: 'strategies', header: t('scorecard.col.strategies'), numeric: true, text: (row) => i18n.number(row.strategies, 0) },
    { key: 'budget', header: t('scorecard.col.budget'), numeric: true, text: (row) => money(i18n, row.budget) },
    { key: 'share', header: t('scorecard.col.budgetShare'), numeric: true, text: (row) => share(i18n, row.budgetShare) },
  ];
  return (
    <>
      <p data-testid="upstream-share">
        {plan.upstreamBudgetShare == null
          ? t('scorecard.noBudget')
          : t(plan.balanced ? 'scorecard.balanced' : 'scorecard.unbalanced', {
              share: share(i18n, plan.upstreamBudgetShare),
              threshold: share(i18n, plan.balanceThreshold),
              total: money(i18n, plan.totalBudget),
            })}
      </p>
      <div class="twin">
        <BarChart
          title={t('scorecard.balanceChart')}
          testId="balance-chart"
          digits={0}
          bars={rows.map((row) => ({
            key: row.frameworkArea,
            label: row.label,
            value: row.strategies,
            valueLabel: t('scorecard.balanceBar', { strategies: i18n.number(row.strategies, 0), share: share(i18n, row.budgetShare) }),
          }))}
        />
        <DataTable caption={t('scorecard.balanceCaption')} columns={columns} rows={rows} rowKey={(row) => row.frameworkArea} id="balance-table" />
      </div>
    </>
  );
}
