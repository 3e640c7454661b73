import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { AreaSelect, type AreaOption } from '../profile/AreaSelect';

export const MAX_AREAS = 6;

/** The areas compared as a list with a remove button each, and a select with an Add button. */
export function AreaChooser({ chosen, areas, onChange }: { chosen: string[]; areas: AreaOption[]; onChange: (ids: string[]) => void }) {
  const { t } = useI18n();
  const [toAdd, setToAdd] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  /** The index of the area just removed, until the list without it has rendered. */
  const removedAt = useRef<number | null>(null);
  const nameOf = (id: string) => areas.find((a) => a.id === id)?.name ?? id;
  const full = chosen.length >= MAX_AREAS;
  const add = () => {
    if (!toAdd || full || chosen.includes(toAdd)) return;
    onChange([...chosen, toAdd]);
    setAnnouncement(t('compare.added', { name: nameOf(toAdd) }));
    setToAdd('');
  };
  const remove = (index: number) => {
    const id = chosen[index];
    onChange(chosen.filter((_, i) => i !== index));
    setAnnouncement(t('compare.removed', { name: nameOf(id) }));
    removedAt.current = index;
  };
  // Focus stays in the list once it has rendered without the area removed (a frame may come
  // first, while the removed button is still there): on the next remove button, else the
  // previous one, else the select.
  useEffect(() => {
    const index = removedAt.current;
    if (index === null) return;
    removedAt.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button');
    const next = buttons?.[Math.min(index, buttons.length - 1)];
    (next ?? document.getElementById('compare-add'))?.focus();
  }, [chosen]);
  return (
    <fieldset class="area-chooser">
      <legend>{t('compare.areas')}</legend>
      {chosen.length ? (
        <ul class="chosen-areas" ref={listRef} data-testid="chosen-areas">
          {chosen.map((id, index) => (
            <li key={id} data-area={id}>
              <span>{nameOf(id)}</span>
              <button type="button" class="secondary remove" aria-label={t('compare.remove', { name: nameOf(id) })} title={t('compare.remove', { name: nameOf(id) })} onClick={() => remove(index)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('compare.none')}</p>
      )}
      <div class="add-area">
        <AreaSelect id="compare-add" label={t('compare.addLabel')} value={toAdd} onChange={setToAdd} exclude={chosen} placeholder={t('compare.addPlaceholder')} />
        <button type="button" onClick={add} disabled={!toAdd || full} data-testid="compare-add-button">
          {t('compare.add')}
        </button>
      </div>
      {full && <p class="muted">{t('compare.full')}</p>}
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
