import { useId } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n';

/** One bar: a value with what disclosure control says about it. */
export interface Bar {
  key: string;
  label: string;
  /** null: no bar (withheld, or not shown to the viewer's role). */
  value: number | null;
  perturbed?: boolean;
  suppressed?: boolean;
  suppressionReason?: string | null;
  /** Shown at the end of the bar instead of the plain number (e.g. "45.7 %"). */
  valueLabel?: string;
}

const WIDTH = 640;
const ROW = 40;
const BAR = 16;
const LEFT = 4;
const VALUE_ROOM = 150;

/**
 * Horizontal bars in SVG, each with its label above it and its value written at its end, so colour
 * is never the only cue: perturbed bars are dashed and marked †, withheld ones are an empty hatched
 * slot marked ‡ with the reason. The summary is the image's accessible name; the table twin beside
 * it carries the same figures.
 */
export function BarChart({ title, bars, digits = 1, max, testId }: { title: string; bars: Bar[]; digits?: number; max?: number; testId?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const hatch = `hatch-${useId()}`;
  const shown = bars.filter((bar) => bar.value != null && !bar.suppressed);
  const top = max ?? Math.max(0, ...shown.map((bar) => bar.value as number));
  const scale = (value: number) => (top > 0 ? (Math.max(0, value) / top) * (WIDTH - LEFT - VALUE_ROOM) : 0);
  const text = (bar: Bar): string => {
    if (bar.suppressed || bar.value == null) {
      const why = bar.suppressionReason ? t(`reason.${bar.suppressionReason}` as MessageKey) : t('marks.withheldHelp');
      return `${t('marks.withheld')} ‡ (${why})`;
    }
    return `${bar.valueLabel ?? i18n.number(bar.value, digits)}${bar.perturbed ? ' †' : ''}`;
  };
  const summary = t('barChart.summary', {
    title,
    count: bars.length,
    items: bars.map((bar) => `${bar.label}: ${text(bar).replace(' †', ` (${t('marks.perturbed')})`)}`).join('; '),
  });
  const height = bars.length * ROW + 8;
  return (
    <figure class="bar-chart" data-testid={testId}>
      <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label={summary}>
        <title>{summary}</title>
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2" />
          </pattern>
        </defs>
        {bars.map((bar, index) => {
          const y = index * ROW + 4;
          const withheld = bar.suppressed || bar.value == null;
          const width = withheld ? 0 : scale(bar.value as number);
          return (
            <g key={bar.key} class={withheld ? 'bar withheld' : bar.perturbed ? 'bar perturbed' : 'bar'} data-key={bar.key}>
              <text x={LEFT} y={y + 11} class="bar-label">
                {bar.label}
              </text>
              {withheld ? (
                <rect x={LEFT} y={y + 16} width={40} height={BAR} fill={`url(#${hatch})`} stroke="#767676" />
              ) : (
                <rect x={LEFT} y={y + 16} width={Math.max(width, 1)} height={BAR} class="bar-fill" stroke-dasharray={bar.perturbed ? '4 2' : undefined} />
              )}
              <text x={LEFT + (withheld ? 40 : Math.max(width, 1)) + 6} y={y + 28} class="bar-value">
                {withheld ? `${t('marks.withheld')} ‡` : text(bar)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
