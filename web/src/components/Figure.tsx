import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';

/** What disclosure control says about one published value. */
export interface Disclosure {
  value: number | null | undefined;
  perturbed?: boolean;
  suppressed?: boolean;
  suppressionReason?: string | null;
}

/** The words beside a value: perturbed, withheld (and why), or nothing. */
export function markText(t: (key: MessageKey) => string, disclosure: Disclosure): string {
  if (disclosure.suppressed) return disclosure.suppressionReason ? t(`reason.${disclosure.suppressionReason}` as MessageKey) : t('marks.withheldHelp');
  if (disclosure.perturbed) return t('marks.perturbed');
  return '';
}

/** A value as text for tables and CSV: the number, or "withheld" / "no data". */
export function valueText(i18n: ReturnType<typeof useI18n>, disclosure: Disclosure, digits = 1): string {
  if (disclosure.suppressed) return i18n.t('marks.withheld');
  if (disclosure.value == null) return i18n.t('marks.noData');
  return i18n.number(disclosure.value, digits);
}

/** A value with its mark: † perturbed, ‡ withheld, each with a tooltip and words for screen readers. */
export function Figure({ disclosure, digits = 1 }: { disclosure: Disclosure; digits?: number }) {
  const i18n = useI18n();
  const text = valueText(i18n, disclosure, digits);
  if (disclosure.suppressed) {
    const why = markText(i18n.t, disclosure);
    return (
      <span class="figure withheld" title={why}>
        {text}
        <span class="mark" aria-hidden="true">‡</span>
        <span class="visually-hidden"> ({why})</span>
      </span>
    );
  }
  if (disclosure.perturbed && disclosure.value != null) {
    return (
      <span class="figure perturbed" title={i18n.t('marks.perturbedHelp')}>
        {text}
        <span class="mark" aria-hidden="true">†</span>
        <span class="visually-hidden"> ({i18n.t('marks.perturbed')})</span>
      </span>
    );
  }
  return <span class="figure">{text}</span>;
}

/** The legend of the marks, under every table and chart that uses them. */
export function MarksLegend() {
  const { t } = useI18n();
  return (
    <p class="marks-legend">
      <span aria-hidden="true">†</span> {t('marks.perturbedHelp')} <span aria-hidden="true">‡</span> {t('marks.withheldHelp')}
    </p>
  );
}
