import { POLICE_AGENCIES, subgraph } from '@cswb/subgraph-police';
import { smallCity } from '@cswb/testing/expected';
import { graphql } from '@cswb/testing/graphql';
import { startTestSubgraph, TestSubgraph } from '@cswb/testing/subgraph';
import { bearer, signToken } from '@cswb/testing/tokens';

const { city, occurrences, calls } = smallCity();
let police: TestSubgraph;

beforeAll(async () => {
  police = await startTestSubgraph(subgraph);
});
afterAll(async () => {
  await police?.stop();
});

function analyst(agency: string, purpose = 'evaluation') {
  return signToken({ scope: 'aggregates:read records:read:police', agency, sector: 'police', purpose });
}

const municipalArea = city.neighbourhoods.find((n) => n.parentId !== city.wards[city.wards.length - 1].id)!;
const oppArea = city.neighbourhoods.find((n) => n.parentId === city.wards[city.wards.length - 1].id)!;

function occurrencesQuery(areaId: string, limit = 1000) {
  return `{ policeOccurrences(areaId: "${areaId}", from: "2024-01-01", to: "2024-01-31", category: VIOLENT, limit: ${limit}) { occurrenceNumber occurredOn category agencyId } }`;
}

function expectedOccurrences(areaId: string) {
  return occurrences
    .filter((o) => o.areaId === areaId && o.category === 'VIOLENT' && o.occurredOn.startsWith('2024-01'))
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.occurrenceNumber.localeCompare(b.occurrenceNumber))
    .map((o) => ({ occurrenceNumber: o.occurrenceNumber, occurredOn: o.occurredOn, category: 'VIOLENT', agencyId: o.agencyId }));
}

describe('police record-level data', () => {
  it("gives an analyst their own service's occurrences, exactly, with a bounded limit", async () => {
    const response = await graphql(police, occurrencesQuery(municipalArea.id), undefined, bearer(await analyst(POLICE_AGENCIES.municipal)));
    expect(response.errors).toBeUndefined();
    expect(response.data.policeOccurrences.length).toBeGreaterThan(0);
    expect(response.data.policeOccurrences).toEqual(expectedOccurrences(municipalArea.id));

    const tooMany = await graphql(police, occurrencesQuery(municipalArea.id, 5000), undefined, bearer(await analyst(POLICE_AGENCIES.municipal)));
    expect(tooMany.errors?.[0]).toMatchObject({ message: 'limit must be from 1 to 1000, got 5000', extensions: { code: 'BAD_USER_INPUT', argument: 'limit' } });
  });

  it("never returns another service's rows (row-level rule)", async () => {
    const opp = bearer(await analyst(POLICE_AGENCIES.opp));
    const other = await graphql(police, occurrencesQuery(municipalArea.id), undefined, opp);
    expect(other.errors).toBeUndefined();
    expect(other.data.policeOccurrences).toEqual([]);
    const own = await graphql(police, occurrencesQuery(oppArea.id), undefined, opp);
    expect(own.data.policeOccurrences).toEqual(expectedOccurrences(oppArea.id));
    expect(own.data.policeOccurrences.every((o: any) => o.agencyId === POLICE_AGENCIES.opp)).toBe(true);

    const callsResponse = await graphql(
      police,
      `{ policeCallsForService(areaId: "${municipalArea.id}", from: "2024-01-01", to: "2024-12-31", limit: 1000) { callNumber agencyId } }`,
      undefined,
      opp,
    );
    expect(callsResponse.data.policeCallsForService).toEqual([]);
    expect(calls.some((c) => c.areaId === municipalArea.id)).toBe(true);
  });

  it('refuses record-level data to anonymous callers, planners and a purpose that does not allow it, called directly', async () => {
    const attempts = [
      {},
      bearer(await signToken({ scope: 'aggregates:read', agency: POLICE_AGENCIES.municipal, purpose: 'planning' })),
      bearer(await analyst(POLICE_AGENCIES.municipal, 'public-reporting')),
      bearer(await signToken({ scope: 'records:read:health', agency: POLICE_AGENCIES.municipal, purpose: 'evaluation' })),
    ];
    for (const headers of attempts) {
      const response = await graphql(police, occurrencesQuery(municipalArea.id), undefined, headers);
      expect(response.data).toEqual({ policeOccurrences: null });
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    }
  });
});
