import type { Column } from '../../components/DataTable';
import { DataTable } from '../../components/DataTable';
import { useI18n } from '../../i18n';
import type { Program } from './ProgramsTable';

interface MatrixRow {
  id: string;
  name: string;
  counts: Record<string, number>;
}

/** The asset map as a table: each neighbourhood of the area, with the programs serving it in each framework area. */
export function AssetMatrix({ neighbourhoodIds, programs, frameworkAreas, areaName }: { neighbourhoodIds: string[]; programs: Program[]; frameworkAreas: { area: string; label: string }[]; areaName: (id: string) => string }) {
  const i18n = useI18n();
  const rows: MatrixRow[] = neighbourhoodIds.map((id) => {
    const counts: Record<string, number> = {};
    for (const { area } of frameworkAreas) counts[area] = programs.filter((p) => p.frameworkArea === area && p.areaIds.includes(id)).length;
    return { id, name: areaName(id), counts };
  });
  const columns: Column<MatrixRow>[] = [
    { key: 'name', header: i18n.t('kind.NEIGHBOURHOOD'), text: (row) => row.name },
    ...frameworkAreas.map(({ area, label }): Column<MatrixRow> => ({ key: area, header: label, numeric: true, text: (row) => i18n.number(row.counts[area], 0) })),
  ];
  return <DataTable caption={i18n.t('services.matrixCaption')} columns={columns} rows={rows} rowKey={(row) => row.id} id="asset-matrix" />;
}
