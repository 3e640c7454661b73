import type { IndicatorGroup } from './catalogue';

/** A labelled select of indicators in option groups (by sector or framework area). */
export function IndicatorSelect<I extends { id: string; name: string }>({
  id,
  label,
  groups,
  value,
  onChange,
  placeholder,
  testId,
}: {
  id: string;
  label: string;
  groups: IndicatorGroup<I>[];
  value: string;
  onChange: (id: string) => void;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <div>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)} data-testid={testId}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {groups.map((group) => (
          <optgroup key={group.key} label={group.label}>
            {group.indicators.map((indicator) => (
              <option key={indicator.id} value={indicator.id}>
                {indicator.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
