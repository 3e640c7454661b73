import { LineChart } from '../../components/LineChart';
import { useI18n } from '../../i18n';
import type { MeasureRow } from './measureRows';

/** One small trend chart per measure, from the yearly series the hub read (the table above is its twin). */
export function MeasureTrends({ rows }: { rows: MeasureRow[] }) {
  const { t } = useI18n();
  const charted = rows.filter((row) => row.series.length > 0);
  if (charted.length === 0) return null;
  return (
    <div class="grid measure-trends">
      {charted.map((row) => (
        <LineChart
          key={row.id}
          title={t('scorecard.trendTitle', { indicator: row.indicator, area: row.area })}
          yLabel={row.unit}
          series={[{ key: row.id, label: t('scorecard.trendTitle', { indicator: row.indicator, area: row.area }), points: row.series.map((point) => ({ x: point.period, value: point.value ?? null, perturbed: point.perturbed, suppressed: point.suppressed })) }]}
        />
      ))}
    </div>
  );
}
