import type { DataSource } from 'typeorm';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';
import { Client, clientFor, planRows } from './support/plans';

let stack: TestStack;
let db: DataSource;
let planner: Client;
let readerWithoutWrite: Client;
let anonymous: Client;

beforeAll(async () => {
  stack = await startTestStack('plans');
  db = stack.subgraphs.find((s) => s.name === 'planning')!.db;
  const claims = { agency: 'lakeshore-municipality', purpose: 'planning' };
  planner = clientFor(stack.gateway.url, bearer(await signToken({ sub: 'gateway-planner', scope: 'aggregates:read plans:write', ...claims })));
  readerWithoutWrite = clientFor(stack.gateway.url, bearer(await signToken({ sub: 'gateway-reader', scope: 'aggregates:read', ...claims })));
  anonymous = clientFor(stack.gateway.url, {});
});
afterAll(async () => {
  await stack?.stop();
});

const CREATE = `mutation Create($input: CreatePlanInput!) { createPlan(input: $input) { id status title } }`;
const INPUT = { input: { municipalityId: 'lakeshore', title: 'Gateway plan', periodStart: '2026-01-01', periodEnd: '2029-12-31' } };

describe('plans through the gateway', () => {
  it.each([
    ['anonymous callers', () => anonymous],
    ['callers without plans:write', () => readerWithoutWrite],
  ])('refuses mutations to %s: null with UNAUTHORIZED_FIELD_OR_TYPE, nothing written', async (_who, client) => {
    const before = await planRows(db);
    const response = await client()(CREATE, INPUT);
    expect(response.data?.createPlan ?? null).toBeNull();
    expect(response.errors).toEqual([expect.objectContaining({ path: ['createPlan'], extensions: expect.objectContaining({ code: 'UNAUTHORIZED_FIELD_OR_TYPE' }) })]);
    expect(await planRows(db)).toEqual(before);
  });

  it("lets a planner create a plan, fill it and read it back, while the public still sees only what is published", async () => {
    const created = await planner(CREATE, INPUT);
    expect(created.errors).toBeUndefined();
    expect(created.data.createPlan).toMatchObject({ status: 'DRAFT', title: 'Gateway plan' });
    const id = created.data.createPlan.id;
    const member = await planner(
      'mutation ($p: ID!) { addCommitteeMember(input: { planId: $p, sector: EDUCATION, organisation: "Lakeshore District School Board" }) { sector } }',
      { p: id },
    );
    expect(member.errors).toBeUndefined();
    const strategy = await planner(
      'mutation ($p: ID!) { addStrategy(input: { planId: $p, title: "Tutoring", frameworkArea: SOCIAL_DEVELOPMENT, leadPartner: "Lakeshore District School Board", budget: 1000 }) { id } }',
      { p: id },
    );
    expect(strategy.errors).toBeUndefined();

    const read = await planner('query ($id: ID!) { plan(id: $id) { title createdBy committee { sector } frameworkBalance { frameworkArea budget } municipality { name population } } }', { id });
    expect(read.errors).toBeUndefined();
    expect(read.data.plan).toMatchObject({ title: 'Gateway plan', createdBy: 'gateway-planner', committee: [{ sector: 'EDUCATION' }] });
    expect(read.data.plan.frameworkBalance[0]).toEqual({ frameworkArea: 'SOCIAL_DEVELOPMENT', budget: 1000 });

    const publicView = await anonymous('{ plans { title status } }');
    expect(publicView.errors).toBeUndefined();
    expect(publicView.data.plans).toEqual([{ title: 'Lakeshore Community Safety and Well-Being Plan 2024–2027', status: 'PUBLISHED' }]);
    const hidden = await anonymous('query ($id: ID!) { plan(id: $id) { id } }', { id });
    expect(hidden.data?.plan ?? null).toBeNull();
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
