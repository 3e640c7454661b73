import { deriveSyntheticRecordKeys } from '@cswb/subgraph-kit/privacy';
import { bulkInsert, refreshRollups } from '@cswb/subgraph-kit/db';
import { SeedOptions, SeedReport } from '@cswb/subgraph-kit/server';
import type { DataSource } from 'typeorm';
import { SOCIAL_SERVICES_ROLLUPS } from '../rollups';
import {
  GeneratedCaseload,
  GeneratedChildWelfare,
  GeneratedFoodBank,
  GeneratedProgram,
  generateSocialServicesRecords,
  SocialServicesBatch,
} from './generate';

export async function isSeeded(db: DataSource): Promise<boolean> {
  const [{ exists }] = await db.query('SELECT EXISTS (SELECT 1 FROM social_services_caseload_month) AS exists');
  return exists;
}

const FLUSH_AT = 50_000;

/** Writes the synthetic social services data in one transaction, in chunks of bulk inserts. */
export async function seed(db: DataSource, options: SeedOptions): Promise<SeedReport> {
  const rows = {
    social_services_caseload_month: 0,
    social_services_child_welfare_month: 0,
    social_services_food_bank_month: 0,
    social_services_program: 0,
    social_services_program_category: 0,
    social_services_program_area: 0,
  };
  await db.transaction(async (manager) => {
    let pending: SocialServicesBatch = { caseloads: [], childWelfare: [], foodBank: [], programs: [] };
    let pendingRows = 0;
    const flush = async () => {
      const { caseloads, childWelfare, foodBank, programs } = pending;
      rows.social_services_caseload_month += await bulkInsert(manager, 'social_services_caseload_month', [
        { name: 'area_id', type: 'text[]', value: (c: GeneratedCaseload) => c.areaId },
        { name: 'month', type: 'date[]', value: (c) => c.month },
        { name: 'program', type: 'text[]', value: (c) => c.program },
        { name: 'cases', type: 'int[]', value: (c) => c.cases },
        { name: 'beneficiaries', type: 'int[]', value: (c) => c.beneficiaries },
      ], caseloads);
      rows.social_services_child_welfare_month += await bulkInsert(manager, 'social_services_child_welfare_month', [
        { name: 'area_id', type: 'text[]', value: (w: GeneratedChildWelfare) => w.areaId },
        { name: 'month', type: 'date[]', value: (w) => w.month },
        { name: 'investigations', type: 'int[]', value: (w) => w.investigations },
        { name: 'substantiated', type: 'int[]', value: (w) => w.substantiated },
      ], childWelfare);
      rows.social_services_food_bank_month += await bulkInsert(manager, 'social_services_food_bank_month', [
        { name: 'area_id', type: 'text[]', value: (f: GeneratedFoodBank) => f.areaId },
        { name: 'month', type: 'date[]', value: (f) => f.month },
        { name: 'visits', type: 'int[]', value: (f) => f.visits },
        { name: 'unique_households', type: 'int[]', value: (f) => f.uniqueHouseholds },
      ], foodBank);
      rows.social_services_program += await bulkInsert(manager, 'social_services_program', [
        { name: 'program_code', type: 'text[]', value: (p: GeneratedProgram) => p.programCode },
        { name: 'name', type: 'text[]', value: (p) => p.name },
        { name: 'provider', type: 'text[]', value: (p) => p.provider },
        { name: 'framework_area', type: 'text[]', value: (p) => p.frameworkArea },
        { name: 'eligibility', type: 'text[]', value: (p) => p.eligibility },
      ], programs);
      const categories = programs.flatMap((p) => p.categories.map((category) => ({ programCode: p.programCode, category })));
      rows.social_services_program_category += await bulkInsert(manager, 'social_services_program_category', [
        { name: 'program_code', type: 'text[]', value: (c: (typeof categories)[number]) => c.programCode },
        { name: 'category', type: 'text[]', value: (c) => c.category },
      ], categories);
      const served = programs.flatMap((p) => p.areaIds.map((areaId) => ({ programCode: p.programCode, areaId })));
      rows.social_services_program_area += await bulkInsert(manager, 'social_services_program_area', [
        { name: 'program_code', type: 'text[]', value: (s: (typeof served)[number]) => s.programCode },
        { name: 'area_id', type: 'text[]', value: (s) => s.areaId },
      ], served);
      options.progress?.(
        `social-services: ${rows.social_services_caseload_month} caseload months, ${rows.social_services_food_bank_month} food bank months, ${rows.social_services_program} programs`,
      );
      pending = { caseloads: [], childWelfare: [], foodBank: [], programs: [] };
      pendingRows = 0;
    };
    for (const batch of generateSocialServicesRecords(options.city)) {
      pending.caseloads.push(...batch.caseloads);
      pending.childWelfare.push(...batch.childWelfare);
      pending.foodBank.push(...batch.foodBank);
      pending.programs.push(...batch.programs);
      pendingRows += batch.caseloads.length + batch.childWelfare.length + batch.foodBank.length + batch.programs.length;
      if (pendingRows >= FLUSH_AT) await flush();
    }
    await flush();
    await manager.query(Object.keys(rows).map((table) => `ANALYZE ${table}`).join('; '));
    await deriveSyntheticRecordKeys(manager, 'social_services_caseload_month', ['area_id', 'month', 'program']);
    await deriveSyntheticRecordKeys(manager, 'social_services_child_welfare_month', ['area_id', 'month']);
    await deriveSyntheticRecordKeys(manager, 'social_services_food_bank_month', ['area_id', 'month']);
    await refreshRollups(manager, SOCIAL_SERVICES_ROLLUPS);
  });
  return { rows };
}
