import type { DataSource } from 'typeorm';
import type { ImportDataset } from '../import/ImportDataset';
import type { IndicatorSpec } from '../vocabulary/buildIndicatorSeries';
import { namesMeasure } from '../vocabulary/MeasureCoverage';
import { coverageViewOf } from './measureCoverage';

/**
 * Fails fast, when a subgraph prepares its database, if its rollup's coverage view is missing,
 * names no source for a measure its indicators read (every period of it would answer NO_DATA),
 * or is not refreshed after the rollup by an import that refreshes the rollup (an import would
 * then extend the data but not the months it answers for).
 */
export async function checkMeasureCoverage(
  db: Pick<DataSource, 'query'>,
  rollup: string,
  specs: readonly IndicatorSpec[],
  importDatasets: readonly Pick<ImportDataset, 'name' | 'rollups'>[] = [],
): Promise<void> {
  const view = coverageViewOf(rollup);
  const [{ exists }]: { exists: boolean }[] = await db.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [view]);
  if (!exists) throw new Error(`the coverage view ${view} does not exist: one of the sector's migrations must create it with createMeasureCoverage (docs/adding-a-sector.md)`);
  const sources: { measures: string }[] = await db.query(`SELECT measures FROM ${view}`);
  const read = [...new Set(specs.flatMap((spec) => [spec.numerator, ...(spec.denominator && spec.denominator !== 'population' ? [spec.denominator.measure] : [])]))];
  const unnamed = read.filter((measure) => !sources.some((source) => namesMeasure(source.measures, measure)));
  if (unnamed.length > 0) throw new Error(`the coverage view ${view} names no source of measure ${unnamed.join(', ')}: list it in createMeasureCoverage`);
  for (const dataset of importDatasets) {
    const at = dataset.rollups.indexOf(rollup);
    if (at >= 0 && dataset.rollups.indexOf(view) < at) {
      throw new Error(`import dataset ${dataset.name} refreshes ${rollup} but not ${view} after it: list ${view} after ${rollup} among its rollups`);
    }
  }
}
