
/**
 * A sector's sources and the measures of its rollup counted from each: a measure's name, or a
 * family `occurrences.*` (every measure whose name starts with `occurrences.`). A measure of
 * several sources (a total of two tables) is covered where all of them are.
 */
export type CoverageSources = Readonly<Record<string, readonly string[]>>;

/** What a migration's `QueryRunner` is used for here. */
interface StatementRunner {
  query(sql: string): Promise<unknown>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const MEASURES = /^[a-z0-9_]+(\.[a-z0-9_]+)*(\.\*)?$/;
const ROLLUP_SUFFIX = '_measure_monthly';

/** The view holding a rollup's coverage: `police_measure_monthly` → `police_measure_coverage`. */
export function coverageViewOf(rollup: string): string {
  if (!IDENTIFIER.test(rollup) || !rollup.endsWith(ROLLUP_SUFFIX)) throw new Error(`rollup "${rollup}" must be a plain lower-case SQL identifier ending in ${ROLLUP_SUFFIX}`);
  return `${rollup.slice(0, -ROLLUP_SUFFIX.length)}_measure_coverage`;
}

/**
 * Creates the coverage view of a sector's rollup (docs/data.md, "Periods without data"): per
 * source, the first and last month its rows fall in, derived from the rollup so it is what was
 * actually loaded. List it after the rollup among the sector's rollups: seeding and every import
 * refresh it with them. A source without rows has null months; a measure no source names has no data.
 */
export async function createMeasureCoverage(queryRunner: StatementRunner, rollup: string, sources: CoverageSources): Promise<void> {
  const view = coverageViewOf(rollup);
  const rows = Object.entries(sources).flatMap(([source, measures]) => {
    if (!IDENTIFIER.test(source)) throw new Error(`coverage source "${source}" must be a plain lower-case identifier`);
    if (measures.length === 0) throw new Error(`coverage source "${source}" names no measure`);
    return measures.map((measure) => {
      if (!MEASURES.test(measure)) throw new Error(`coverage source "${source}": "${measure}" must be a measure name or a family such as occurrences.*`);
      return `('${source}', '${measure}')`;
    });
  });
  if (rows.length === 0) throw new Error(`the coverage of ${rollup} needs at least one source`);
  await queryRunner.query(`
    CREATE MATERIALIZED VIEW ${view} AS
    WITH source(source, measures) AS (VALUES ${rows.join(', ')}),
    loaded AS (
      SELECT s.source, min(r.month) AS first_month, max(r.month) AS last_month
        FROM ${rollup} r
        JOIN source s ON r.measure = s.measures OR (right(s.measures, 2) = '.*' AND starts_with(r.measure, left(s.measures, -1)))
       GROUP BY 1
    )
    SELECT s.source, s.measures, l.first_month, l.last_month
      FROM source s LEFT JOIN loaded l USING (source)`);
  await queryRunner.query(`CREATE UNIQUE INDEX ${view}_key ON ${view} (measures)`);
}

export async function dropMeasureCoverage(queryRunner: StatementRunner, rollup: string): Promise<void> {
  await queryRunner.query(`DROP MATERIALIZED VIEW ${coverageViewOf(rollup)}`);
}
