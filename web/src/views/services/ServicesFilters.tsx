import type { AppAreasQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';

export const SERVICE_CATEGORIES = ['MENTAL_HEALTH', 'ADDICTIONS', 'HOUSING_SUPPORT', 'FOOD_SECURITY', 'EMPLOYMENT', 'YOUTH', 'FAMILY_SUPPORT', 'SENIORS', 'NEWCOMERS', 'VIOLENCE_PREVENTION', 'CRISIS_RESPONSE'] as const;

type Area = AppAreasQuery['areas'][number];

export interface ServicesChoice {
  areaId: string;
  frameworkArea: string;
  category: string;
  planId: string;
}

/** Area (municipality, ward or neighbourhood), framework area, category and plan: each a URL parameter. */
export function ServicesFilters({ areas, frameworkAreas, plans, choice, onChange }: {
  areas: Area[];
  frameworkAreas: { area: string; label: string }[];
  plans: { id: string; title: string }[];
  choice: ServicesChoice;
  onChange: (changes: Record<string, string | undefined>) => void;
}) {
  const { t } = useI18n();
  const byKind = (kind: string) => areas.filter((area) => area.kind === kind);
  return (
    <div class="controls services-filters">
      <div>
        <label for="services-area">{t('field.area')}</label>
        <select id="services-area" value={choice.areaId} onChange={(event) => onChange({ area: (event.currentTarget as HTMLSelectElement).value })}>
          {(['MUNICIPALITY', 'WARD', 'NEIGHBOURHOOD'] as const).map((kind) => (
            <optgroup key={kind} label={t(kind === 'MUNICIPALITY' ? 'kind.CITY' : (`kind.${kind}` as MessageKey))}>
              {byKind(kind).map((area) => (
                <option key={area.id} value={area.id}>
                  {area.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div>
        <label for="services-framework">{t('field.frameworkArea')}</label>
        <select id="services-framework" value={choice.frameworkArea} onChange={(event) => onChange({ framework: (event.currentTarget as HTMLSelectElement).value })}>
          <option value="">{t('services.allFrameworkAreas')}</option>
          {frameworkAreas.map((info) => (
            <option key={info.area} value={info.area}>
              {info.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="services-category">{t('services.category')}</label>
        <select id="services-category" value={choice.category} onChange={(event) => onChange({ category: (event.currentTarget as HTMLSelectElement).value })}>
          <option value="">{t('services.allCategories')}</option>
          {SERVICE_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`services.category.${category}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {plans.length > 0 && (
        <div>
          <label for="services-plan">{t('services.plan')}</label>
          <select id="services-plan" value={choice.planId} onChange={(event) => onChange({ plan: (event.currentTarget as HTMLSelectElement).value })}>
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.title}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
