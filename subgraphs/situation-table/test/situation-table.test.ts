import { readSeed } from '@cswb/contract/config';
import { subgraphSchema } from '@cswb/subgraph-kit/server';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { RISK_FACTORS, RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import {
  GeneratedCatchment,
  GeneratedDiscussion,
  generateSituationTableRecords,
  GeneratedTable,
  SituationTableAgeGroup,
  SituationTableSector,
  subgraph,
} from '@cswb/subgraph-situation-table';
import { getNamedType, isEnumType, isObjectType, parse, buildASTSchema, Kind, DocumentNode } from 'graphql';
import { graphql } from '@cswb/testing/graphql';
import { startTestSubgraph, TestSubgraph } from '@cswb/testing/subgraph';
import { bearer, signToken } from '@cswb/testing/tokens';

const city = createSyntheticCity('small', readSeed({}));
const tables: GeneratedTable[] = [];
const catchments: GeneratedCatchment[] = [];
const discussions: GeneratedDiscussion[] = [];
for (const batch of generateSituationTableRecords(city)) {
  tables.push(...batch.tables);
  catchments.push(...batch.catchments);
  discussions.push(...batch.discussions);
}

let situationTable: TestSubgraph;
const headers: Record<'exact' | 'planner' | 'member' | 'memberPlanning' | 'anonymous', Record<string, string>> = {
  exact: {},
  planner: {},
  member: {},
  memberPlanning: {},
  anonymous: {},
};

beforeAll(async () => {
  headers.exact = bearer(await signToken({ sub: 'rtd-analyst', scope: 'aggregates:read records:read:situation-table', purpose: 'evaluation' }));
  headers.planner = bearer(await signToken({ sub: 'planner', scope: 'aggregates:read plans:write', agency: 'lakeshore-municipality', purpose: 'planning' }));
  headers.member = bearer(await signToken({ sub: 'table-member', scope: 'risk:read', purpose: 'risk-intervention' }));
  headers.memberPlanning = bearer(await signToken({ sub: 'table-member', scope: 'risk:read', purpose: 'planning' }));
  situationTable = await startTestSubgraph(subgraph);
});
afterAll(async () => {
  await situationTable?.stop();
});

const RISK_LOWERED = new Set(['RISK_LOWERED_CONNECTED_TO_SERVICES', 'RISK_LOWERED_NOT_CONNECTED']);
const CATEGORY_OF = new Map(RISK_FACTORS.map((f) => [f.code, f.category]));
const round3 = (value: number) => Math.round(value * 1000) / 1000;
const count = <T>(rows: readonly T[], predicate: (row: T) => boolean) => rows.reduce((n, row) => n + (predicate(row) ? 1 : 0), 0);
const between = (from: string, to: string) => (d: GeneratedDiscussion) => d.discussedOn >= from && d.discussedOn <= to;

/** What the analytics of a set of discussions must say, computed here from the generator's rows. */
function expectedAnalytics(selected: GeneratedDiscussion[], withArea: boolean, neighbourhoods: readonly string[]) {
  const met = selected.filter((d) => d.aerMet);
  const lowered = count(met, (d) => RISK_LOWERED.has(d.conclusion!));
  const agencies = Object.values(SituationTableSector)
    .map((agency) => ({ agency, engagements: count(met, (d) => d.assistingAgencies!.includes(agency)) }))
    .sort((a, b) => b.engagements - a.engagements || Object.values(SituationTableSector).indexOf(a.agency) - Object.values(SituationTableSector).indexOf(b.agency));
  return {
    exact: true,
    perturbed: false,
    discussions: selected.length,
    aerMet: met.length,
    riskLowered: lowered,
    aerMetShare: withArea ? null : round3((met.length / selected.length) * 100),
    riskLoweredShare: round3((lowered / met.length) * 100),
    byRiskCategory: Object.values(RiskFactorCategory).map((category) => ({
      category,
      discussions: count(met, (d) => d.riskFactors!.some((code) => CATEGORY_OF.get(code) === category)),
    })),
    byAgeGroup: Object.entries(SituationTableAgeGroup).map(([name, label]) => ({ ageGroup: name, discussions: count(met, (d) => d.ageGroup === label) })),
    byArea: [...neighbourhoods].sort().map((areaId) => ({ areaId, discussions: count(met, (d) => d.areaId === areaId) })),
    agenciesMostEngaged: agencies,
  };
}

const ANALYTICS = `
  query ($from: LocalDate!, $to: LocalDate!, $areaId: ID, $tableId: ID) {
    situationTableAnalytics(from: $from, to: $to, areaId: $areaId, tableId: $tableId) {
      exact perturbed discussions aerMet riskLowered aerMetShare riskLoweredShare
      byRiskCategory { category discussions perturbed suppressed suppressionReason }
      byAgeGroup { ageGroup discussions perturbed suppressed suppressionReason }
      byArea { areaId discussions perturbed suppressed suppressionReason }
      agenciesMostEngaged { agency engagements perturbed suppressed suppressionReason }
      quarters: byPeriod(granularity: QUARTER) { period { label start end } discussions perturbed suppressed suppressionReason }
      months: byPeriod { period { label } discussions perturbed suppressed suppressionReason }
    }
  }`;

/** The analytics without the disclosure fields, for comparison with expectedAnalytics. */
function counts(analytics: any) {
  const strip = (rows: any[]) => rows.map(({ perturbed: _p, suppressed: _s, suppressionReason: _r, ...rest }) => rest);
  const { quarters: _q, months: _m, ...rest } = analytics;
  return {
    ...rest,
    byRiskCategory: strip(analytics.byRiskCategory),
    byAgeGroup: strip(analytics.byAgeGroup),
    byArea: strip(analytics.byArea),
    agenciesMostEngaged: strip(analytics.agenciesMostEngaged),
  };
}

/** Every published count in the analytics, with the exact value it stands for. */
interface PublishedCell {
  label: string;
  value: number | null;
  perturbed: boolean;
  suppressed: boolean;
  reason: string | null;
  exact: number;
}

function publishedCells(published: any, exact: any): PublishedCell[] {
  const total = (label: string): PublishedCell => ({
    label,
    value: published[label],
    perturbed: published.perturbed,
    suppressed: published[label] === null,
    reason: null,
    exact: exact[label],
  });
  const cells = [total('discussions'), total('aerMet'), total('riskLowered')];
  const list = (name: string, key: string, valueField: string) => {
    for (const row of published[name]) {
      const match = exact[name].find((e: any) => JSON.stringify(e[key]) === JSON.stringify(row[key]));
      cells.push({
        label: `${name}.${JSON.stringify(row[key])}`,
        value: row[valueField],
        perturbed: row.perturbed,
        suppressed: row.suppressed,
        reason: row.suppressionReason,
        exact: match[valueField],
      });
    }
  };
  list('byRiskCategory', 'category', 'discussions');
  list('byAgeGroup', 'ageGroup', 'discussions');
  list('byArea', 'areaId', 'discussions');
  list('agenciesMostEngaged', 'agency', 'engagements');
  list('quarters', 'period', 'discussions');
  list('months', 'period', 'discussions');
  return cells;
}

describe('situation-table subgraph', () => {
  it('seeds a few hundred discussions a year at four tables, about 90-96 % meeting the AER threshold', () => {
    expect(tables.map((t) => t.tableId)).toEqual(['lakeshore-central', 'lakeshore-east', 'lakeshore-west', 'lakeshore-north']);
    for (const year of city.years) {
      const ofYear = discussions.filter((d) => d.discussedOn.startsWith(`${year}-`));
      expect(ofYear.length).toBeGreaterThanOrEqual(300);
      expect(ofYear.length).toBeLessThanOrEqual(500);
    }
    const met = discussions.filter((d) => d.aerMet);
    expect(met.length / discussions.length).toBeGreaterThan(0.88);
    expect(met.length / discussions.length).toBeLessThan(0.97);
    const lowered = count(met, (d) => RISK_LOWERED.has(d.conclusion!)) / met.length;
    expect(lowered).toBeGreaterThan(0.7);
    expect(lowered).toBeLessThan(0.8);
    for (const d of met) {
      expect(d.riskFactors!.length).toBeGreaterThanOrEqual(3);
      expect(d.riskFactors!.length).toBeLessThanOrEqual(6);
      const days = (Date.parse(d.concludedOn!) - Date.parse(d.discussedOn)) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(1);
      expect(days).toBeLessThanOrEqual(14);
    }
    // Mental health is the most frequent category, as in the RTD's annual reports.
    const share = (category: string) => count(met, (d) => d.riskFactors!.some((c) => CATEGORY_OF.get(c) === category)) / met.length;
    for (const category of ['DRUGS', 'CRIMINAL_INVOLVEMENT', 'HOUSING', 'BASIC_NEEDS', 'GAMBLING']) {
      expect(share('MENTAL_HEALTH')).toBeGreaterThan(share(category));
    }
    expect(share('GAMBLING')).toBeLessThan(0.05);
  });

  it('gives a caller with records:read:situation-table analytics exactly equal to the generated discussions', async () => {
    const from = '2023-01-01';
    const to = '2023-12-31';
    const response = await graphql(situationTable, ANALYTICS, { from, to }, headers.exact);
    expect(response.errors).toBeUndefined();
    const analytics = response.data.situationTableAnalytics;
    const selected = discussions.filter(between(from, to));
    expect(counts(analytics)).toEqual(expectedAnalytics(selected, false, city.neighbourhoods.map((n) => n.id)));
    expect(analytics.agenciesMostEngaged[0].engagements).toBeGreaterThan(analytics.agenciesMostEngaged[8].engagements);
    expect(analytics.quarters.map((q: any) => [q.period.label, q.discussions])).toEqual(
      [1, 2, 3, 4].map((q) => [`2023-Q${q}`, count(selected, (d) => Math.ceil(Number(d.discussedOn.slice(5, 7)) / 3) === q)]),
    );
    expect(analytics.months).toHaveLength(12);
    expect(analytics.months[6]).toEqual({
      period: { label: '2023-07' },
      discussions: count(selected, (d) => d.discussedOn.startsWith('2023-07')),
      perturbed: false,
      suppressed: false,
      suppressionReason: null,
    });
  });

  it('filters the analytics by table and by neighbourhood (a rejected discussion records no area)', async () => {
    const from = '2022-01-01';
    const to = '2024-12-31';
    const table = tables[2];
    const byTable = await graphql(situationTable, ANALYTICS, { from, to, tableId: table.tableId }, headers.exact);
    expect(byTable.errors).toBeUndefined();
    const ofTable = discussions.filter((d) => d.tableId === table.tableId && between(from, to)(d));
    const catchment = catchments.filter((c) => c.tableId === table.tableId).map((c) => c.areaId);
    expect(counts(byTable.data.situationTableAnalytics)).toEqual(expectedAnalytics(ofTable, false, catchment));

    const area = city.neighbourhoods[5];
    const byArea = await graphql(situationTable, ANALYTICS, { from, to, areaId: area.id }, headers.exact);
    expect(byArea.errors).toBeUndefined();
    const ofArea = discussions.filter((d) => d.areaId === area.id && between(from, to)(d));
    expect(ofArea.length).toBeGreaterThan(10);
    expect(counts(byArea.data.situationTableAnalytics)).toEqual(expectedAnalytics(ofArea, true, [area.id]));
  });

  it('rejects ranges that are not whole months or periods', async () => {
    const bad = await graphql(situationTable, ANALYTICS, { from: '2023-01-15', to: '2023-12-31' }, headers.exact);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
    const quarters = await graphql(
      situationTable,
      '{ situationTableAnalytics(from: "2023-02-01", to: "2023-12-31") { byPeriod(granularity: QUARTER) { discussions } } }',
      undefined,
      headers.exact,
    );
    expect(quarters.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  });

  it('shows a planner every count perturbed within the noise bound, never from 1 to 9, the same on every request', async () => {
    const scopes = [
      { from: '2024-01-01', to: '2024-12-31' },
      { from: '2024-04-01', to: '2024-06-30', tableId: tables[1].tableId },
      { from: '2023-01-01', to: '2023-12-31', areaId: city.neighbourhoods[9].id },
    ];
    let perturbed = 0;
    let changed = 0;
    for (const variables of scopes) {
      const exactResponse = await graphql(situationTable, ANALYTICS, variables, headers.exact);
      const plannerResponse = await graphql(situationTable, ANALYTICS, variables, headers.planner);
      expect(plannerResponse.errors).toBeUndefined();
      const published = plannerResponse.data.situationTableAnalytics;
      const exact = exactResponse.data.situationTableAnalytics;
      expect(published).toMatchObject({ exact: false, perturbed: true });
      for (const cell of publishedCells(published, exact)) {
        if (cell.suppressed) {
          // Withheld only by the route rule: a neighbourhood's months and quarters, never for being small.
          expect({ cell: cell.label, reason: cell.reason }).toEqual({ cell: cell.label, reason: 'FINE_BREAKDOWN' });
          continue;
        }
        perturbed++;
        if (cell.value !== cell.exact) changed++;
        expect({ cell: cell.label, perturbed: cell.perturbed, small: cell.value! >= 1 && cell.value! <= 9, withinNoise: Math.abs(cell.value! - cell.exact) <= 9 }).toEqual({
          cell: cell.label,
          perturbed: true,
          small: false,
          withinNoise: true,
        });
      }
      // Shares are computed from the published counts, never from exact ones.
      if (published.aerMet !== null && published.riskLowered) {
        expect(published.riskLoweredShare).toBe(round3((published.riskLowered / published.aerMet) * 100));
      }
      // Sorted by what the planner sees.
      const engagements = published.agenciesMostEngaged.map((a: any) => a.engagements ?? -1);
      expect(engagements).toEqual([...engagements].sort((a: number, b: number) => b - a));
    }
    expect(perturbed).toBeGreaterThan(50);
    expect(changed).toBeGreaterThan(10);
    // The same request gives the same answer.
    const again = await graphql(situationTable, ANALYTICS, scopes[1], headers.planner);
    const first = await graphql(situationTable, ANALYTICS, scopes[1], headers.planner);
    expect(again.data).toEqual(first.data);
  });

  it("publishes a planner one calendar period at a time, and a neighbourhood's breakdowns by year only", async () => {
    const totals = 'query ($from: LocalDate!, $to: LocalDate!) { situationTableAnalytics(from: $from, to: $to) { discussions } }';
    for (const variables of [{ from: '2021-01-01', to: '2024-12-31' }, { from: '2024-01-01', to: '2024-06-30' }, { from: '2024-02-01', to: '2024-04-30' }]) {
      const response = await graphql(situationTable, totals, variables, headers.planner);
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'from' } });
      expect(response.errors?.[0].message).toContain('one calendar month, quarter or year');
      // Callers who see exact counts may ask any whole-month range.
      expect((await graphql(situationTable, totals, variables, headers.exact)).errors).toBeUndefined();
    }
    const area = city.neighbourhoods[3].id;
    const quarter = (await graphql(situationTable, ANALYTICS, { from: '2024-04-01', to: '2024-06-30', areaId: area }, headers.planner)).data.situationTableAnalytics;
    // Its totals, months and byArea are the cells its indicators publish; its breakdowns wait for the year.
    expect(quarter.aerMet === 0 || quarter.aerMet >= 10).toBe(true);
    for (const row of [...quarter.byArea, ...quarter.months]) expect(row).toMatchObject({ perturbed: true, suppressed: false });
    for (const row of [...quarter.byAgeGroup, ...quarter.byRiskCategory, ...quarter.agenciesMostEngaged]) {
      expect(row).toMatchObject({ perturbed: false, suppressed: true, suppressionReason: 'FINE_BREAKDOWN' });
    }
    const year = (await graphql(situationTable, ANALYTICS, { from: '2024-01-01', to: '2024-12-31', areaId: area }, headers.planner)).data.situationTableAnalytics;
    for (const row of [...year.byAgeGroup, ...year.byRiskCategory]) expect(row).toMatchObject({ perturbed: true, suppressed: false });
    // The whole city's months stay published: each month is a cell of its own.
    const city2024 = (await graphql(situationTable, ANALYTICS, { from: '2024-01-01', to: '2024-12-31' }, headers.planner)).data.situationTableAnalytics;
    expect(city2024.months.every((m: any) => m.perturbed && !m.suppressed)).toBe(true);
    expect(city2024.byArea.every((a: any) => a.perturbed && !a.suppressed)).toBe(true);
    expect(city2024.byArea.map((a: any) => a.areaId)).toEqual(city.neighbourhoods.map((n) => n.id).sort());
  });

  it('keeps only the minimum of a rejected discussion, as the database enforces', async () => {
    // As the owner: the subgraph's own role may not write these rows at all (test/databaseRoles.test.ts).
    const db = await situationTable.ownerDb();
    const rejected = await db.query(`SELECT * FROM situation_table_discussion WHERE NOT aer_met ORDER BY discussion_id`);
    const expected = discussions.filter((d) => !d.aerMet);
    expect(expected.length).toBeGreaterThan(20);
    expect(rejected.map((r: any) => r.discussion_id)).toEqual(expected.map((d) => d.discussionId).sort());
    // The record key is the random key of the cell-key method (docs/privacy.md): it identifies no one.
    const minimum = new Set(['discussion_id', 'discussed_on', 'table_id', 'originating_agency', 'filter_reached', 'aer_met', 'record_key']);
    for (const row of rejected) {
      for (const [column, value] of Object.entries(row)) {
        if (!minimum.has(column)) expect({ column, value }).toEqual({ column, value: null });
      }
      expect(row.filter_reached).toBeLessThanOrEqual(2);
    }
    const [{ factors }] = await db.query(
      `SELECT count(*)::int AS factors FROM situation_table_discussion_risk_factor x JOIN situation_table_discussion d USING (discussion_id) WHERE NOT d.aer_met`,
    );
    expect(factors).toBe(0);

    const id = rejected[0].discussion_id;
    await expect(db.query(`UPDATE situation_table_discussion SET age_group = '18-24' WHERE discussion_id = $1`, [id])).rejects.toThrow(
      /situation_table_discussion_rejected_minimum/,
    );
    await expect(db.query(`UPDATE situation_table_discussion SET area_id = 'lakeshore-n001' WHERE discussion_id = $1`, [id])).rejects.toThrow(
      /situation_table_discussion_rejected_minimum/,
    );
    await expect(
      db.query(`INSERT INTO situation_table_discussion_risk_factor (discussion_id, factor_code) VALUES ($1, 'MENTAL_HEALTH_DIAGNOSED')`, [id]),
    ).rejects.toThrow(/foreign key/);
    await expect(
      db.query(`UPDATE situation_table_discussion SET services_mobilised = '{HOUSING,HOUSING}' WHERE aer_met AND discussion_id = (SELECT min(discussion_id) FROM situation_table_discussion WHERE aer_met)`),
    ).rejects.toThrow(/check constraint/);
    await expect(
      db.query(
        `INSERT INTO situation_table_discussion_risk_factor (discussion_id, factor_code) VALUES ((SELECT min(discussion_id) FROM situation_table_discussion WHERE aer_met), 'NOT_A_FACTOR')`,
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it('has no identifying or free-text field in its schema or its tables', async () => {
    const { sdl } = await subgraphSchema(subgraph);
    const schema = buildASTSchema(withoutFederation(parse(sdl)), { assumeValidSDL: true });
    const identifying = /name|address|birth|dob|note|comment|description|text|narrative|phone|email|postal|street/i;
    /** ID fields allowed on Situation Table types: a discussion's RTD number, its table and its neighbourhood. */
    const justifiedIds = new Set(['SituationTableDiscussion.id', 'SituationTableDiscussion.tableId', 'SituationTableDiscussion.areaId', 'SituationTableAreaCount.areaId']);
    // Discussion types: the record and every analytics type. The profile and the performance-measure
    // reading carry only the hub-wide indicator types (IndicatorSeries, Observation), built from the rollup.
    const aggregateOnly = new Set(['SituationTableProfile', 'SituationTableIndicatorReading']);
    const types = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && t.name.startsWith('SituationTable') && !aggregateOnly.has(t.name));
    expect(types.map((t) => t.name)).toEqual(expect.arrayContaining(['SituationTableDiscussion', 'SituationTableAnalytics']));
    for (const type of types) {
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        const named = getNamedType(field.type).name;
        expect({ coordinate, identifying: identifying.test(field.name) }).toEqual({ coordinate, identifying: false });
        expect({ coordinate, string: named === 'String' }).toEqual({ coordinate, string: false });
        if (named === 'ID') expect({ coordinate, justified: justifiedIds.has(coordinate) }).toEqual({ coordinate, justified: true });
        // Everything else is an enumeration, a number, a boolean, a date or a nested count type.
        const allowed = ['ID', 'Int', 'Float', 'Boolean', 'LocalDate'].includes(named) || isEnumType(getNamedType(field.type)) || named.startsWith('SituationTable') || named === 'Period';
        expect({ coordinate, named, allowed }).toEqual({ coordinate, named, allowed: true });
      }
    }

    const columns: { table_name: string; column_name: string; data_type: string }[] = await situationTable.db.query(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_name LIKE 'situation_table_%' ORDER BY 1, 2`,
    );
    expect(columns.length).toBeGreaterThan(15);
    for (const column of columns) expect({ ...column, identifying: identifying.test(column.column_name) }).toMatchObject({ identifying: false });
    // Text columns hold ids or codes only, each checked against a pattern or a list by the database.
    const textColumns = columns.filter((c) => c.data_type === 'text' && c.table_name === 'situation_table_discussion').map((c) => c.column_name);
    expect(textColumns.sort()).toEqual(['age_group', 'area_id', 'conclusion', 'discussion_id', 'gender', 'originating_agency', 'table_id']);
  });

  it('lists de-identified discussions to a table member declaring the purpose risk-intervention, in date order', async () => {
    const table = tables[0];
    const query = `{ situationTableDiscussions(from: "2024-01-01", to: "2024-06-30", tableId: "${table.tableId}", limit: 1000) {
      id discussedOn tableId originatingAgency filterReached aerMet areaId ageGroup gender riskFactors riskCategories
      protectiveFactors assistingAgencies servicesMobilised conclusion concludedOn daysToConclusion } }`;
    situationTable.counter.reset();
    const response = await graphql(situationTable, query, undefined, headers.member);
    expect(response.errors).toBeUndefined();
    // The discussions with their factors, and the audit entry of the read.
    expect(situationTable.counter.count).toBeLessThanOrEqual(3);
    const expected = discussions
      .filter((d) => d.tableId === table.tableId && between('2024-01-01', '2024-06-30')(d))
      .sort((a, b) => (a.discussedOn + a.discussionId < b.discussedOn + b.discussionId ? -1 : 1));
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.some((d) => !d.aerMet)).toBe(true);
    const ageName = new Map(Object.entries(SituationTableAgeGroup).map(([name, label]) => [label, name]));
    expect(response.data.situationTableDiscussions).toEqual(
      expected.map((d) => ({
        id: d.discussionId,
        discussedOn: d.discussedOn,
        tableId: d.tableId,
        originatingAgency: d.originatingAgency,
        filterReached: d.filterReached,
        aerMet: d.aerMet,
        areaId: d.areaId,
        ageGroup: d.ageGroup ? ageName.get(d.ageGroup) : null,
        gender: d.gender,
        riskFactors: d.riskFactors,
        riskCategories: d.riskFactors
          ? Object.values(RiskFactorCategory).filter((c) => d.riskFactors!.some((code) => CATEGORY_OF.get(code) === c))
          : null,
        protectiveFactors: d.protectiveFactors,
        assistingAgencies: d.assistingAgencies,
        servicesMobilised: d.servicesMobilised,
        conclusion: d.conclusion,
        concludedOn: d.concludedOn,
        daysToConclusion: d.concludedOn ? (Date.parse(d.concludedOn) - Date.parse(d.discussedOn)) / 86_400_000 : null,
      })),
    );
    expect(response.data.situationTableDiscussions.some((d: any) => !d.aerMet)).toBe(true);

    const limited = await graphql(situationTable, '{ situationTableDiscussions(from: "2021-01-01", to: "2024-12-31", limit: 5) { id } }', undefined, headers.member);
    expect(limited.data.situationTableDiscussions).toHaveLength(5);
    for (const limit of [0, 1001]) {
      const rejected = await graphql(situationTable, `{ situationTableDiscussions(from: "2024-01-01", to: "2024-12-31", limit: ${limit}) { id } }`, undefined, headers.member);
      expect(rejected.errors?.[0]).toMatchObject({ message: `limit must be from 1 to 1000, got ${limit}`, extensions: { code: 'BAD_USER_INPUT', argument: 'limit' } });
    }
  });

  it.each(['memberPlanning', 'planner', 'anonymous'] as const)('denies the discussions to %s', async (who) => {
    const response = await graphql(situationTable, '{ situationTableDiscussions(from: "2024-01-01", to: "2024-12-31") { id } }', undefined, headers[who]);
    expect(response.data?.situationTableDiscussions ?? null).toBeNull();
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });

  it('denies the analytics to table members and anonymous callers: they are for aggregates:read', async () => {
    for (const who of ['member', 'anonymous'] as const) {
      const response = await graphql(situationTable, ANALYTICS, { from: '2024-01-01', to: '2024-12-31' }, headers[who]);
      expect(response.data?.situationTableAnalytics ?? null).toBeNull();
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    }
  });

  it('lists the risk-factor taxonomy publicly: all 27 categories with their factors', async () => {
    const response = await graphql(situationTable, '{ riskFactorTaxonomy { category factors { code category label } } }');
    expect(response.errors).toBeUndefined();
    const taxonomy = response.data.riskFactorTaxonomy;
    expect(taxonomy).toHaveLength(27);
    expect(taxonomy.map((c: any) => c.category)).toEqual(Object.values(RiskFactorCategory));
    expect(taxonomy.flatMap((c: any) => c.factors)).toEqual(RISK_FACTORS.map((f) => ({ code: f.code, category: f.category, label: f.label.EN })));
    for (const category of taxonomy) expect(category.factors.length).toBeGreaterThanOrEqual(2);
  });

  describe('area profile', () => {
    const ENTITIES = `
      query ($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!, $g: Granularity!) {
        _entities(representations: $r) {
          ... on Area { id situationTable { indicators(from: $from, to: $to, granularity: $g) {
            indicator { id sector frameworkArea unit betterWhen }
            observations { period { label } value numerator denominator perturbed suppressed }
          } } }
        }
      }`;
    // What the gateway sends: the key only; population and neighbourhoods come from the subgraph's own registry.
    const representation = (id: string) => ({ __typename: 'Area', id });

    it('computes the indicators of a ward from its discussions, rejected ones apportioned over the table catchment', async () => {
      const ward = city.wards[0];
      const members = city.neighbourhoods.filter((n) => n.parentId === ward.id).map((n) => n.id);
      const response = await graphql(
        situationTable,
        ENTITIES,
        { r: [representation(ward.id)], from: '2024-01-01', to: '2024-12-31', g: 'YEAR' },
        headers.exact,
      );
      expect(response.errors).toBeUndefined();
      const series = response.data._entities[0].situationTable.indicators;
      expect(series.map((s: any) => s.indicator)).toEqual([
        { id: 'situation-table.discussions', sector: 'situation-table', frameworkArea: 'RISK_INTERVENTION', unit: 'count', betterWhen: 'NEUTRAL' },
        { id: 'situation-table.aer_share', sector: 'situation-table', frameworkArea: 'RISK_INTERVENTION', unit: 'percent', betterWhen: 'NEUTRAL' },
        { id: 'situation-table.risk_lowered_share', sector: 'situation-table', frameworkArea: 'RISK_INTERVENTION', unit: 'percent', betterWhen: 'HIGHER' },
      ]);
      // Each small-city table serves exactly one ward, so the ward's count is whole.
      const table = tables.find((t) => t.wardIds.includes(ward.id))!;
      expect(table.wardIds).toEqual([ward.id]);
      const in2024 = between('2024-01-01', '2024-12-31');
      const met = discussions.filter((d) => d.aerMet && members.includes(d.areaId!) && in2024(d));
      const rejected = count(discussions, (d) => !d.aerMet && d.tableId === table.tableId && in2024(d));
      const total = met.length + rejected;
      const lowered = count(met, (d) => RISK_LOWERED.has(d.conclusion!));
      expect(series[0].observations).toEqual([{ period: { label: '2024' }, value: total, numerator: total, denominator: null, perturbed: false, suppressed: false }]);
      expect(series[1].observations[0]).toMatchObject({ value: round3((met.length / total) * 100), numerator: met.length, denominator: total });
      expect(series[2].observations[0]).toMatchObject({ value: round3((lowered / met.length) * 100), numerator: lowered, denominator: met.length });
      expect(series[1].observations[0].value).toBeGreaterThan(85);
    });

    it("publishes a ward that is one table's catchment as the same cells as the table's analytics, for a planner", async () => {
      let compared = 0;
      for (const table of tables) {
        const [ward] = table.wardIds;
        for (const [from, to] of [['2023-01-01', '2023-12-31'], ['2024-04-01', '2024-06-30']]) {
          const profile = await graphql(situationTable, ENTITIES, { r: [representation(ward)], from, to, g: from.endsWith('01-01') && to.endsWith('12-31') ? 'YEAR' : 'QUARTER' }, headers.planner);
          const analytics = await graphql(situationTable, ANALYTICS, { from, to, tableId: table.tableId }, headers.planner);
          const [discussions, aerShare] = profile.data._entities[0].situationTable.indicators;
          const published = analytics.data.situationTableAnalytics;
          // The same discussions, the same key sum: the same perturbed counts by either route.
          expect(discussions.observations[0].numerator).toBe(published.discussions);
          expect(aerShare.observations[0].numerator).toBe(published.aerMet);
          compared++;
        }
      }
      expect(compared).toBe(tables.length * 2);
    });

    it("apportions a table's rejected discussions to a neighbourhood by its share of residents", async () => {
      const area = city.neighbourhoods[2];
      const response = await graphql(
        situationTable,
        ENTITIES,
        { r: [representation(area.id)], from: '2023-01-01', to: '2023-12-31', g: 'YEAR' },
        headers.exact,
      );
      expect(response.errors).toBeUndefined();
      const in2023 = between('2023-01-01', '2023-12-31');
      const catchment = catchments.find((c) => c.areaId === area.id)!;
      const met = count(discussions, (d) => d.aerMet && d.areaId === area.id && in2023(d));
      const rejected = count(discussions, (d) => !d.aerMet && d.tableId === catchment.tableId && in2023(d));
      const observation = response.data._entities[0].situationTable.indicators[0].observations[0];
      expect(observation.value).toBeCloseTo(met + rejected * catchment.populationShare, 2);
    });

    it('answers the profile of all 24 neighbourhoods with one SQL statement for the measures, perturbed for a planner', async () => {
      const representations = city.neighbourhoods.map((n) => representation(n.id));
      expect(representations).toHaveLength(24);
      situationTable.counter.reset();
      const response = await graphql(situationTable, ENTITIES, { r: representations, from: '2021-01-01', to: '2024-12-31', g: 'QUARTER' }, headers.planner);
      expect(response.errors).toBeUndefined();
      expect(response.data._entities).toHaveLength(24);
      // The areas from the registry, then the measures of all of them.
      expect(situationTable.counter.count).toBe(2);
      const observations = response.data._entities.flatMap((a: any) => a.situationTable.indicators.flatMap((s: any) => s.observations));
      expect(observations).toHaveLength(24 * 3 * 16);
      for (const o of observations) {
        expect({ suppressed: o.suppressed, perturbed: o.perturbed, small: o.numerator >= 1 && o.numerator <= 9 }).toEqual({ suppressed: false, perturbed: true, small: false });
      }
      expect(observations.some((o: any) => o.numerator >= 10)).toBe(true);
    });
  });
});

/** The subgraph SDL without its federation link, so graphql-js can build it. */
function withoutFederation(document: DocumentNode): DocumentNode {
  return {
    ...document,
    definitions: [
      ...document.definitions.filter((d) => d.kind !== Kind.SCHEMA_EXTENSION),
      ...parse(`
        directive @key(fields: String!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
        directive @external on FIELD_DEFINITION | OBJECT
        directive @requires(fields: String!) on FIELD_DEFINITION
        directive @shareable repeatable on OBJECT | FIELD_DEFINITION
        directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
        directive @policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
        scalar _Any
      `).definitions,
    ],
  };
}
