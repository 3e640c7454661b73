import { useI18n } from '../i18n';

export interface LinePoint {
  /** The x label, e.g. a year: "2024". */
  x: string;
  /** null: no value (a gap in the line). */
  value: number | null;
  perturbed?: boolean;
  /** Withheld by disclosure control: a gap with a ‡ marker. */
  suppressed?: boolean;
}

export interface LineSeries {
  key: string;
  label: string;
  points: LinePoint[];
}

/**
 * Okabe–Ito colours darkened where needed for 3:1 contrast on white, each with its own dash and
 * marker shape so that colour is never the only cue.
 */
export const SERIES_STYLES = [
  { colour: '#0072b2', dash: '', marker: 'circle' },
  { colour: '#c15400', dash: '7 4', marker: 'square' },
  { colour: '#007a5a', dash: '2 3', marker: 'triangle' },
  { colour: '#a5478a', dash: '10 3 2 3', marker: 'diamond' },
  { colour: '#1b1b1b', dash: '4 2', marker: 'cross' },
  { colour: '#7a6200', dash: '1 2', marker: 'star' },
] as const;

type Marker = (typeof SERIES_STYLES)[number]['marker'];

const WIDTH = 360;
const HEIGHT = 190;
const MARGIN = { top: 24, right: 14, bottom: 24, left: 48 };

/** 1, 2, 2.5 or 5 times a power of ten: about `count` steps over the range. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) max = min + 1;
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toFixed(10)));
  return ticks;
}

function MarkerShape({ marker, x, y, colour, hollow }: { marker: Marker; x: number; y: number; colour: string; hollow: boolean }) {
  const fill = hollow ? '#fff' : colour;
  const common = { fill, stroke: colour, 'stroke-width': 1.6 };
  switch (marker) {
    case 'circle':
      return <circle cx={x} cy={y} r={3.6} {...common} />;
    case 'square':
      return <rect x={x - 3.3} y={y - 3.3} width={6.6} height={6.6} {...common} />;
    case 'triangle':
      return <path d={`M${x},${y - 4.4}L${x + 4},${y + 3}L${x - 4},${y + 3}Z`} {...common} />;
    case 'diamond':
      return <path d={`M${x},${y - 4.6}L${x + 4.2},${y}L${x},${y + 4.6}L${x - 4.2},${y}Z`} {...common} />;
    case 'cross':
      return <path d={`M${x - 3.6},${y - 3.6}L${x + 3.6},${y + 3.6}M${x - 3.6},${y + 3.6}L${x + 3.6},${y - 3.6}`} stroke={colour} stroke-width={hollow ? 1.2 : 2.4} fill="none" />;
    case 'star':
      return <path d={`M${x},${y - 4.6}L${x + 1.3},${y - 1.4}L${x + 4.4},${y - 1.4}L${x + 1.9},${y + 0.8}L${x + 2.8},${y + 4.2}L${x},${y + 2.2}L${x - 2.8},${y + 4.2}L${x - 1.9},${y + 0.8}L${x - 4.4},${y - 1.4}L${x - 1.3},${y - 1.4}Z`} {...common} />;
  }
}

/** A series' swatch for legends outside the chart (line dash and marker as drawn). */
export function SeriesSwatch({ index }: { index: number }) {
  const style = SERIES_STYLES[index % SERIES_STYLES.length];
  return (
    <svg class="series-swatch" width="30" height="12" viewBox="0 0 30 12" aria-hidden="true" focusable="false">
      <line x1="1" y1="6" x2="29" y2="6" stroke={style.colour} stroke-width="2" stroke-dasharray={style.dash || undefined} />
      <MarkerShape marker={style.marker} x={15} y={6} colour={style.colour} hollow={false} />
    </svg>
  );
}

/**
 * A small line chart: several series over the same x labels (years), points marked, perturbed
 * points hollow, withheld ones a gap with ‡. Scales with its container (viewBox). Its summary is
 * its aria-label; the figures themselves belong in the table twin beside it.
 */
export function LineChart({ series, yLabel, title, xLabels, markerNote = true }: { series: LineSeries[]; yLabel: string; title: string; xLabels?: string[]; /** false when the page explains the markers once (ChartMarkerNote) */ markerNote?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const xs = xLabels ?? [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))];
  const values = series.flatMap((s) => s.points.filter((p) => !p.suppressed && p.value != null).map((p) => p.value as number));
  const low = values.length ? Math.min(0, ...values) : 0;
  const high = values.length ? Math.max(...values) : 1;
  const ticks = niceTicks(low, high === low ? low + 1 : high);
  const yMin = ticks[0];
  const yMax = ticks[ticks.length - 1];
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xOf = (x: string) => MARGIN.left + (xs.length <= 1 ? plotWidth / 2 : (xs.indexOf(x) / (xs.length - 1)) * plotWidth);
  const yOf = (v: number) => MARGIN.top + plotHeight - ((v - yMin) / (yMax - yMin || 1)) * plotHeight;
  const tickDigits = ticks.some((v) => !Number.isInteger(v)) ? 2 : 0;

  const summary = [
    title,
    yLabel,
    ...series.map((s) => {
      const shown = s.points.filter((p) => !p.suppressed && p.value != null);
      const withheld = s.points.filter((p) => p.suppressed).length;
      const first = shown[0];
      const last = shown[shown.length - 1];
      const parts = [s.label];
      if (first && last) parts.push(t('chart.summaryRange', { from: first.x, first: i18n.number(first.value!, 2), to: last.x, last: i18n.number(last.value!, 2) }));
      else parts.push(t('chart.summaryEmpty'));
      if (withheld) parts.push(t('chart.summaryWithheld', { count: withheld }));
      if (s.points.some((p) => p.perturbed && !p.suppressed)) parts.push(t('chart.summaryPerturbed'));
      return parts.join(', ');
    }),
  ].join('. ');

  return (
    <figure class="line-chart">
      <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        <title>{summary}</title>
        <g class="axis" aria-hidden="true">
          {ticks.map((v) => (
            <g key={v}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={yOf(v)} y2={yOf(v)} stroke="#e3e3e3" />
              <text x={MARGIN.left - 5} y={yOf(v) + 3.5} text-anchor="end">
                {i18n.number(v, tickDigits)}
              </text>
            </g>
          ))}
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={MARGIN.top + plotHeight} y2={MARGIN.top + plotHeight} />
          {xs.map((x) => (
            <text key={x} x={xOf(x)} y={HEIGHT - MARGIN.bottom + 14} text-anchor="middle">
              {x}
            </text>
          ))}
          <text class="y-label" x={4} y={12}>
            {yLabel}
          </text>
        </g>
        {series.map((s, index) => {
          const style = SERIES_STYLES[index % SERIES_STYLES.length];
          // Lines break at every missing or withheld point: no line is drawn through a value not shown.
          const segments: string[] = [];
          let current = '';
          for (const x of xs) {
            const point = s.points.find((p) => p.x === x);
            if (!point || point.suppressed || point.value == null) {
              if (current) segments.push(current);
              current = '';
              continue;
            }
            current += `${current ? 'L' : 'M'}${xOf(x).toFixed(1)},${yOf(point.value).toFixed(1)}`;
          }
          if (current) segments.push(current);
          return (
            <g key={s.key} class="series" aria-hidden="true" data-series={s.key}>
              {segments.map((d) => (
                <path key={d} d={d} fill="none" stroke={style.colour} stroke-width={2} stroke-dasharray={style.dash || undefined} />
              ))}
              {s.points.map((p) =>
                p.suppressed ? (
                  <text key={p.x} class="withheld-mark" x={xOf(p.x)} y={MARGIN.top + plotHeight - 3 - index * 13} text-anchor="middle" style={{ '--series-colour': style.colour }} data-mark="withheld">
                    ‡
                  </text>
                ) : p.value == null || !xs.includes(p.x) ? null : (
                  <g key={p.x} data-mark={p.perturbed ? 'perturbed' : 'exact'}>
                    <MarkerShape marker={style.marker} x={xOf(p.x)} y={yOf(p.value)} colour={style.colour} hollow={!!p.perturbed} />
                  </g>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="chart-legend">
          {series.map((s, index) => (
            <li key={s.key}>
              <SeriesSwatch index={index} /> {s.label}
            </li>
          ))}
        </ul>
        {markerNote && series.some((s) => s.points.some((p) => p.perturbed || p.suppressed)) && <ChartMarkerNote />}
      </figcaption>
    </figure>
  );
}

/** What hollow points and ‡ mean, once for a page of charts. */
export function ChartMarkerNote() {
  const { t } = useI18n();
  return <p class="chart-note">{t('chart.markerNote')}</p>;
}
