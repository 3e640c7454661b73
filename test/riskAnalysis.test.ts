import { generateHealthCounts } from '@cswb/subgraph-health';
import { generateSocialServicesRecords } from '@cswb/subgraph-social-services';
import { analystHeaders } from '@cswb/testing/analyst';
import { collect, smallCity } from '@cswb/testing/expected';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';

const { city } = smallCity();
const social = collect(generateSocialServicesRecords(city));
const health = collect(generateHealthCounts(city));
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack('risk');
});
afterAll(async () => {
  await stack?.stop();
});

const QUERY = `query Risk($indicators: [WeightedIndicatorInput!]!) {
  riskAnalysis(indicators: $indicators, from: "2023-01-01", to: "2024-12-31") {
    rank areaId composite area { name }
    contributions { indicatorId value zScore weight contribution }
  }
}`;
const WEIGHTS = [
  { indicatorId: 'police.violent_crime_rate', weight: 2 },
  { indicatorId: 'social-services.food_bank_visit_rate', weight: 1 },
];

/**
 * Two sectors the hub analyst sees exactly in every neighbourhood. (Not police: two services hold
 * police records here, and an analyst sees exact counts only where all of them are their own.)
 */
const EXACT_WEIGHTS = [
  { indicatorId: 'health.ed_self_harm_rate', weight: 2 },
  { indicatorId: 'social-services.food_bank_visit_rate', weight: 1 },
];

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** The same ranking computed here from the seed generators, independently of the hub. */
function expectedRanking() {
  const rate = (count: number, population: number, per = 1000) => round3((count / population) * per);
  const perArea = city.neighbourhoods.map((n) => {
    const selfHarm = [2023, 2024].map((y) =>
      rate(health.edVisits.filter((v) => v.areaId === n.id && v.reason === 'SELF_HARM' && v.month.startsWith(`${y}-`)).reduce((s, v) => s + v.visits, 0), n.population, 100_000),
    );
    const food = [2023, 2024].map((y) =>
      rate(social.foodBank.filter((m) => m.areaId === n.id && m.month.startsWith(`${y}-`)).reduce((s, m) => s + m.visits, 0), n.population),
    );
    return { id: n.id, values: [(selfHarm[0] + selfHarm[1]) / 2, (food[0] + food[1]) / 2] };
  });
  const stats = [0, 1].map((i) => {
    const xs = perArea.map((a) => a.values[i]);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    return { mean, sd: Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length) };
  });
  return perArea
    .map((a) => ({ id: a.id, composite: (2 * ((a.values[0] - stats[0].mean) / stats[0].sd) + 1 * ((a.values[1] - stats[1].mean) / stats[1].sd)) / 3 }))
    .sort((x, y) => y.composite - x.composite);
}

describe('risk analysis', () => {
  it('ranks neighbourhoods on a weighted composite of standardised indicators from two sectors, as computed independently', async () => {
    const response = await graphql(stack.gateway.url, QUERY, { indicators: EXACT_WEIGHTS }, await analystHeaders());
    expect(response.errors).toBeUndefined();
    const ranking = response.data.riskAnalysis;
    const expected = expectedRanking();
    expect(ranking.map((r: any) => r.areaId)).toEqual(expected.map((e) => e.id));
    ranking.forEach((r: any, i: number) => {
      expect(r.rank).toBe(i + 1);
      expect(r.composite).toBeCloseTo(expected[i].composite, 3);
      // Explained: the contributions add up to the composite, largest first.
      expect(r.contributions.reduce((s: number, c: any) => s + c.contribution, 0)).toBeCloseTo(r.composite, 3);
      expect(r.contributions[0].contribution).toBeGreaterThanOrEqual(r.contributions[1].contribution);
    });
    expect(ranking[0].area.name).toBe(city.neighbourhoods.find((n) => n.id === expected[0].id)!.name);
  });

  it("reads the sectors with the caller's own rules: a planner's values are the rounded ones", async () => {
    const planner = bearer(await signToken({ scope: 'aggregates:read', purpose: 'planning' }));
    const response = await graphql(stack.gateway.url, QUERY, { indicators: WEIGHTS }, planner);
    expect(response.errors).toBeUndefined();
    expect(response.data.riskAnalysis).toHaveLength(city.neighbourhoods.length);
  });

  it("takes the viewer's polarity: betterWhen turns an indicator's scores over, and gives a neutral indicator a direction", async () => {
    const headers = await analystHeaders();
    const ask = async (indicators: unknown[]) => {
      const response = await graphql(stack.gateway.url, QUERY.replace('contribution }', 'contribution betterWhen }'), { indicators }, headers);
      expect(response.errors).toBeUndefined();
      return new Map<string, any>(response.data.riskAnalysis.map((r: any) => [r.areaId, r.contributions[0]]));
    };
    const asCatalogued = await ask([{ indicatorId: 'health.ed_self_harm_rate', weight: 1 }]);
    const reversed = await ask([{ indicatorId: 'health.ed_self_harm_rate', weight: 1, betterWhen: 'HIGHER' }]);
    expect(asCatalogued.size).toBe(city.neighbourhoods.length);
    for (const [areaId, contribution] of asCatalogued) {
      expect(contribution.betterWhen).toBe('LOWER');
      expect(reversed.get(areaId).betterWhen).toBe('HIGHER');
      expect(reversed.get(areaId).value).toBe(contribution.value);
      expect(reversed.get(areaId).zScore).toBeCloseTo(-contribution.zScore, 4);
    }
    const neutral = await ask([{ indicatorId: 'education.enrolment', weight: 1, betterWhen: 'LOWER' }]);
    expect([...neutral.values()].some((c) => c.zScore !== null && c.zScore !== 0)).toBe(true);
  });

  it('refuses bad input with the indicator named, and anonymous callers', async () => {
    const headers = await analystHeaders();
    const cases: [unknown[], string][] = [
      [[], 'indicators must list 1 to 20 indicators, got 0'],
      [[{ indicatorId: 'police.nope', weight: 1 }], 'indicators[0].indicatorId "police.nope" is not in the indicator catalogue'],
      [[{ indicatorId: 'police.violent_crime_rate', weight: 0 }], 'indicators[0].weight must be more than 0 and at most 100, got 0'],
      [[WEIGHTS[0], WEIGHTS[0]], 'indicators[1].indicatorId "police.violent_crime_rate" is listed twice'],
      [[{ indicatorId: 'education.enrolment', weight: 1 }], 'indicators[0].indicatorId "education.enrolment" has no better direction, so it cannot measure risk unless indicators[0].betterWhen says which way is better'],
      [[{ indicatorId: 'police.violent_crime_rate', weight: 1, betterWhen: 'NEUTRAL' }], 'indicators[0].betterWhen must be HIGHER or LOWER: a neutral indicator cannot measure risk'],
    ];
    for (const [indicators, message] of cases) {
      const response = await graphql(stack.gateway.url, QUERY, { indicators }, headers);
      expect(response.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    }
    const anonymous = await graphql(stack.gateway.url, QUERY, { indicators: WEIGHTS });
    expect(anonymous.data).toEqual({ riskAnalysis: null });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });
});
