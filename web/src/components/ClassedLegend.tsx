import { HatchPattern } from './Choropleth';
import { NO_DATA_FILL, type Classing } from './classes';

function Swatch({ fill, hatch }: { fill?: string; hatch?: boolean }) {
  return (
    <svg class="legend-swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false">
      {hatch && (
        <defs>
          <HatchPattern id="legend-hatch" />
        </defs>
      )}
      <rect x="0.5" y="0.5" width="27" height="17" fill={hatch ? 'url(#legend-hatch)' : fill} stroke="#767676" />
    </svg>
  );
}

/**
 * The classes of a choropleth with their ranges and counts, then the withheld hatch and the no-data
 * grey. Every word comes from the caller, in the viewer's language.
 */
export function ClassedLegend({
  classing,
  title,
  format,
  rangeText,
  countText,
  withheldLabel,
  noDataLabel,
  withheldCount,
  noDataCount,
}: {
  classing: Classing;
  title: string;
  format: (value: number) => string;
  rangeText: (min: string, max: string) => string;
  countText: (count: number) => string;
  withheldLabel: string;
  noDataLabel: string;
  withheldCount: number;
  noDataCount: number;
}) {
  return (
    <div class="classed-legend" data-testid="map-legend">
      <p class="legend-title">{title}</p>
      <ul>
        {classing.classes.map((c) => (
          <li key={`${c.min}-${c.max}`} data-colour={c.colour}>
            <Swatch fill={c.colour} />
            <span>{c.min === c.max ? format(c.min) : rangeText(format(c.min), format(c.max))}</span>
            <span class="legend-count">{countText(c.count)}</span>
          </li>
        ))}
        <li data-legend="withheld">
          <Swatch hatch />
          <span>{withheldLabel}</span>
          <span class="legend-count">{countText(withheldCount)}</span>
        </li>
        <li data-legend="no-data">
          <Swatch fill={NO_DATA_FILL} />
          <span>{noDataLabel}</span>
          <span class="legend-count">{countText(noDataCount)}</span>
        </li>
      </ul>
    </div>
  );
}
