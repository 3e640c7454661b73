import { CsvExport } from '../../components/CsvExport';
import type { Column } from '../../components/DataTable';
import { DataTable } from '../../components/DataTable';
import type { ServicesAssetMapQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';

export type Program = NonNullable<NonNullable<ServicesAssetMapQuery['area']>['socialServices']>['services'][number];

/** The programs of the asset map that match the filters; the CSV writes the same cells. */
export function ProgramsTable({ programs, frameworkLabel, areaName, fileName }: { programs: Program[]; frameworkLabel: (area: string) => string; areaName: (id: string) => string; fileName: string }) {
  const { t } = useI18n();
  const columns: Column<Program>[] = [
    { key: 'name', header: t('services.col.program'), text: (p) => p.name },
    { key: 'code', header: t('services.col.code'), text: (p) => p.programCode },
    { key: 'provider', header: t('services.col.provider'), text: (p) => p.provider },
    { key: 'framework', header: t('field.frameworkArea'), text: (p) => frameworkLabel(p.frameworkArea) },
    { key: 'categories', header: t('services.col.categories'), text: (p) => p.categories.map((c) => t(`services.category.${c}` as MessageKey)).join('; ') },
    { key: 'eligibility', header: t('services.col.eligibility'), text: (p) => p.eligibility },
    { key: 'areas', header: t('services.col.areas'), text: (p) => p.areaIds.map(areaName).join('; ') },
  ];
  if (programs.length === 0) return <p class="muted">{t('services.noPrograms')}</p>;
  return (
    <>
      <div class="toolbar">
        <CsvExport columns={columns} rows={programs} fileName={fileName} />
      </div>
      <details class="programs-list" open={programs.length <= 15}>
        <summary>{t('services.showPrograms', { count: programs.length })}</summary>
        <DataTable caption={t('services.programsCaption', { count: programs.length })} columns={columns} rows={programs} rowKey={(p) => p.programCode} id="programs-table" />
      </details>
    </>
  );
}
