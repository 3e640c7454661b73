import { Figure, valueText } from '../../components/Figure';
import { useI18n } from '../../i18n';
import type { Cell } from './indicatorData';

/** What a cell shows as text (tables' CSV): the value and its mark, or "not shown to your role". */
export function cellText(i18n: ReturnType<typeof useI18n>, cell: Cell, digits: number): string {
  if (cell.denied) return i18n.t('marks.notAllowed');
  const text = valueText(i18n, cell, digits);
  if (cell.suppressed) return `${text} ‡`;
  if (cell.perturbed && cell.value != null) return `${text} †`;
  return text;
}

/** A cell with its mark (†, ‡) or the words "not shown to your role". */
export function CellFigure({ cell, digits }: { cell: Cell; digits: number }) {
  const { t } = useI18n();
  if (cell.denied) return <span class="figure denied" data-mark="denied">{t('marks.notAllowed')}</span>;
  return <Figure disclosure={cell} digits={digits} />;
}
