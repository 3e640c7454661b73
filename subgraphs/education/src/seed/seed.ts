import { deriveSyntheticRecordKeys } from '@cswb/subgraph-kit/privacy';
import { bulkInsert, refreshRollups } from '@cswb/subgraph-kit/db';
import { SeedOptions, SeedReport } from '@cswb/subgraph-kit/server';
import type { DataSource } from 'typeorm';
import { EDUCATION_ROLLUPS } from '../rollups';
import { GeneratedEdiResult, generateEducationRecords, GeneratedSchool, GeneratedSchoolYearStat } from './generate';

export async function isSeeded(db: DataSource): Promise<boolean> {
  const [{ exists }] = await db.query('SELECT EXISTS (SELECT 1 FROM education_school) AS exists');
  return exists;
}

const FLUSH_AT = 5_000;

/** Writes the synthetic schools, school-year statistics and EDI results in one transaction. */
export async function seed(db: DataSource, options: SeedOptions): Promise<SeedReport> {
  const rows = { education_school: 0, education_school_year_stat: 0, education_edi_result: 0 };
  await db.transaction(async (manager) => {
    let schools: GeneratedSchool[] = [];
    let stats: GeneratedSchoolYearStat[] = [];
    let ediResults: GeneratedEdiResult[] = [];
    const flush = async () => {
      rows.education_school += await bulkInsert(manager, 'education_school', [
        { name: 'school_number', type: 'text[]', value: (s: GeneratedSchool) => s.schoolNumber },
        { name: 'name', type: 'text[]', value: (s) => s.name },
        { name: 'area_id', type: 'text[]', value: (s) => s.areaId },
        { name: 'board', type: 'text[]', value: (s) => s.board },
        { name: 'panel', type: 'text[]', value: (s) => s.panel },
      ], schools);
      rows.education_school_year_stat += await bulkInsert(manager, 'education_school_year_stat', [
        { name: 'school_number', type: 'text[]', value: (y: GeneratedSchoolYearStat) => y.schoolNumber },
        { name: 'school_year', type: 'int[]', value: (y) => y.schoolYear },
        { name: 'enrolment', type: 'int[]', value: (y) => y.enrolment },
        { name: 'chronically_absent', type: 'int[]', value: (y) => y.chronicallyAbsent },
        { name: 'suspended_students', type: 'int[]', value: (y) => y.suspendedStudents },
        { name: 'expulsions', type: 'int[]', value: (y) => y.expulsions },
        { name: 'graduation_cohort', type: 'int[]', value: (y) => y.graduationCohort },
        { name: 'graduates_on_time', type: 'int[]', value: (y) => y.graduatesOnTime },
      ], stats);
      rows.education_edi_result += await bulkInsert(manager, 'education_edi_result', [
        { name: 'area_id', type: 'text[]', value: (e: GeneratedEdiResult) => e.areaId },
        { name: 'cycle_year', type: 'int[]', value: (e) => e.cycleYear },
        { name: 'children_assessed', type: 'int[]', value: (e) => e.childrenAssessed },
        { name: 'vulnerable_one_or_more', type: 'int[]', value: (e) => e.vulnerableOneOrMore },
      ], ediResults);
      options.progress?.(
        `education: ${rows.education_school} schools, ${rows.education_school_year_stat} school-year statistics, ${rows.education_edi_result} EDI results`,
      );
      schools = [];
      stats = [];
      ediResults = [];
    };
    for (const batch of generateEducationRecords(options.city)) {
      schools.push(...batch.schools);
      stats.push(...batch.stats);
      ediResults.push(...batch.ediResults);
      if (schools.length + stats.length + ediResults.length >= FLUSH_AT) await flush();
    }
    await flush();
    await manager.query('ANALYZE education_school; ANALYZE education_school_year_stat; ANALYZE education_edi_result');
    await deriveSyntheticRecordKeys(manager, 'education_school_year_stat', ['school_number', 'school_year']);
    await deriveSyntheticRecordKeys(manager, 'education_edi_result', ['area_id', 'cycle_year']);
    await refreshRollups(manager, EDUCATION_ROLLUPS);
  });
  return { rows };
}
