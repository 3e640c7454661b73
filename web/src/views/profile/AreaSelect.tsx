import { useQuery } from '../../api/useQuery';
import { AppAreasDocument, type AppAreasQuery, type AreaKind } from '../../gql/graphql';
import { type MessageKey, useI18n } from '../../i18n';

const KINDS: AreaKind[] = ['MUNICIPALITY', 'WARD', 'NEIGHBOURHOOD'];

export type AreaOption = AppAreasQuery['areas'][number];

/** Every area of the hub (one request, shared by the views that pick areas). */
export function useAreas(): AreaOption[] | undefined {
  const state = useQuery(AppAreasDocument, {});
  return state.status === 'done' ? (state.data?.areas ?? []) : undefined;
}

/** A labelled select of every area, grouped by kind (city, wards, neighbourhoods). */
export function AreaSelect({ id, label, value, onChange, exclude = [], placeholder }: { id: string; label: string; value: string; onChange: (id: string) => void; exclude?: string[]; placeholder?: string }) {
  const { t } = useI18n();
  const areas = useAreas();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)} disabled={!areas}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {KINDS.map((kind) => {
          const ofKind = (areas ?? []).filter((area) => area.kind === kind && !exclude.includes(area.id));
          return ofKind.length ? (
            <optgroup key={kind} label={t(`profile.areaGroup.${kind}` as MessageKey)}>
              {ofKind.map((area) => (
                <option key={area.id} value={area.id}>
                  {area.name}
                </option>
              ))}
            </optgroup>
          ) : null;
        })}
      </select>
    </div>
  );
}
