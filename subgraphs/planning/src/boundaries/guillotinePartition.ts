/** A rectangle of lattice cells: columns [left, right), rows [bottom, top). */
export interface CellRectangle {
  left: number;
  right: number;
  bottom: number;
  top: number;
}

const cellCount = (r: CellRectangle) => (r.right - r.left) * (r.top - r.bottom);

/**
 * Splits the rectangle into `parts` rectangles, each at least one cell: cuts across its longer
 * side near the middle (`jitter`, in [0, 1), moves the cut by up to a cell so that neighbourhoods
 * differ in size), shares the parts out in proportion to the cells on each side, and recurses.
 * Throws if there are fewer cells than parts.
 */
export function guillotinePartition(rectangle: CellRectangle, parts: number, jitter: () => number): CellRectangle[] {
  if (parts > cellCount(rectangle)) throw new Error(`cannot split ${cellCount(rectangle)} cells into ${parts} areas`);
  if (parts === 1) return [rectangle];
  const width = rectangle.right - rectangle.left;
  const height = rectangle.top - rectangle.bottom;
  const alongColumns = width >= height;
  const length = alongColumns ? width : height;
  const cut = Math.min(Math.max(Math.round(length / 2 + jitter() - 0.5), 1), length - 1);
  const [a, b]: CellRectangle[] = alongColumns
    ? [{ ...rectangle, right: rectangle.left + cut }, { ...rectangle, left: rectangle.left + cut }]
    : [{ ...rectangle, top: rectangle.bottom + cut }, { ...rectangle, bottom: rectangle.bottom + cut }];
  // Each side gets at least one part and no more parts than cells.
  const first = Math.min(Math.max(Math.round((parts * cut) / length), 1, parts - cellCount(b)), parts - 1, cellCount(a));
  return [...guillotinePartition(a, first, jitter), ...guillotinePartition(b, parts - first, jitter)];
}
