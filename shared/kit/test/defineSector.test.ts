import { buildFederatedSchema } from '@cswb/subgraph-kit/federation';
import { AreaProfile, defineSector, SectorProfile, sectorNames } from '@cswb/subgraph-kit/sector';
import { createMeasureCoverage } from '@cswb/subgraph-kit/profiles';
import { prepareDatabase, subgraphSchema } from '@cswb/subgraph-kit/server';
import { dropDatabase, freshDatabaseUrl } from '@cswb/testing/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { readSeed } from '@cswb/contract/config';
import { ensureDeploymentCertificates } from '@cswb/contract/trust';
import { graphql } from '@cswb/testing/graphql';
import { startTestSubgraph, TestSubgraph } from '@cswb/testing/subgraph';
import { bearer, signToken } from '@cswb/testing/tokens';
import { subgraph as example } from './fixtures/exampleSector';
import { ExampleProfile } from './fixtures/exampleSector/ExampleProfile';
import { EXAMPLE_INDICATORS } from './fixtures/exampleSector/indicators';

describe('sectorNames', () => {
  it('derives every name of a sector from its name', () => {
    expect(sectorNames('social-services')).toEqual({
      name: 'social-services',
      envPrefix: 'SOCIAL_SERVICES',
      typePrefix: 'SocialServices',
      fieldName: 'socialServices',
      auditLogQueryName: 'socialServicesAuditLog',
      profileTypeName: 'SocialServicesProfile',
      readingTypeName: 'SocialServicesIndicatorReading',
      measureRollup: 'social_services_measure_monthly',
    });
    expect(sectorNames('police')).toMatchObject({ envPrefix: 'POLICE', fieldName: 'police', profileTypeName: 'PoliceProfile' });
  });

  it.each(['Police', 'social_services', 'social--services', 'police-', '-police', '4police', ''])('refuses the name %j', (name) => {
    expect(() => sectorNames(name)).toThrow(
      new Error(`sector name "${name}" must be lower-case words of letters and digits joined by single dashes, e.g. social-services`),
    );
  });
});

describe('defineSector', () => {
  const declaration = { label: { EN: 'A sector', FR: 'Un secteur' }, description: 'A sector', defaultPort: 4999, migrations: [], isSeeded: example.isSeeded, seed: example.seed };

  it('derives the measure rollup, the Area stub and its reference resolver, and the indicators', () => {
    expect(example.name).toBe('example');
    expect(example.rollup).toBe('example_measure_monthly');
    expect(example.indicators).toBe(EXAMPLE_INDICATORS);
    expect(example.orphanedTypes?.map((type) => type.name)).toEqual(['Area']);
    expect(Object.keys(example.referenceResolvers ?? {})).toEqual(['Area']);
    expect(example.resolvers).toHaveLength(2);
  });

  it('puts the profile field on Area and the indicators field on the profile', async () => {
    const { sdl } = await buildFederatedSchema(example);
    expect(sdl).toContain(`type Area @key(fields: "id") {
  id: ID!
  """The example service's indicators for this area"""
  example: ExampleProfile
}`);
    expect(sdl).toContain(`"""The example service's view of an area"""
type ExampleProfile {
  """
  Example indicators for the area, one series per indicator over the requested periods
  """
  indicators(`);
  });

  it('gives the served schema its audit log query and indicator reading by the derived names', async () => {
    const { sdl } = await subgraphSchema(example);
    expect(sdl).toContain('exampleAuditLog(');
    expect(sdl).toContain('type ExampleIndicatorReading implements IndicatorReading');
  });

  it('adds the measures loader to the loaders of each request', () => {
    const loaders = example.createLoaders({} as never, { get: (_name: string, _args: unknown, create: () => unknown) => create() } as never);
    expect(Object.keys(loaders)).toEqual(['measures']);
  });

  it("refuses another sector's profile", () => {
    expect(() => defineSector({ ...declaration, name: 'other', profile: ExampleProfile })).toThrow(new Error('sector "other" is given the profile of sector "example" (ExampleProfile)'));
  });

  it('refuses a profile class not declared with @SectorProfile', () => {
    class UndeclaredProfile extends AreaProfile {}
    expect(() => defineSector({ ...declaration, name: 'example', profile: UndeclaredProfile })).toThrow(new Error('UndeclaredProfile is not declared with @SectorProfile'));
  });

  it('refuses an ill-formed sector name when the profile is declared', () => {
    expect(() =>
      SectorProfile({ sector: 'Example', description: '', areaFieldDescription: '', indicatorsDescription: '', indicators: [] }),
    ).toThrow(new Error('sector name "Example" must be lower-case words of letters and digits joined by single dashes, e.g. social-services'));
  });
});

describe('the example sector, served', () => {
  const city = createSyntheticCity('small', readSeed({}));
  let served: TestSubgraph;
  beforeAll(async () => {
    // The test deployment's certificates are issued for the hub's own subgraphs only.
    await ensureDeploymentCertificates(process.env.CSWB_TEST_CERTS_DIR as string, [example.name]);
    served = await startTestSubgraph(example);
  });
  afterAll(async () => {
    await served?.stop();
  });

  it('serves its indicator from its migration and seed through the derived wiring', async () => {
    const year = city.years[city.years.length - 1];
    const area = city.neighbourhoods[0];
    const headers = bearer(await signToken({ sub: 'example-analyst', scope: 'aggregates:read records:read:example' }));
    const response = await graphql(
      served,
      `query ($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!) { _entities(representations: $r) { ... on Area { id example {
        indicators(from: $from, to: $to, granularity: YEAR) { indicator { id sector } observations { areaId numerator } }
      } } } }`,
      { r: [{ __typename: 'Area', id: area.id }], from: `${year}-01-01`, to: `${year}-12-31` },
      headers,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data._entities[0].example.indicators).toEqual([
      { indicator: { id: 'example.visits', sector: 'example' }, observations: [{ areaId: area.id, numerator: 120 }] },
    ]);
  });
});

describe('a sector whose measure rollup is not what its indicators read', () => {
  class CreateRollupWithoutKeys1900000000000 implements MigrationInterface {
    name = 'CreateRollupWithoutKeys1900000000000';
    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`CREATE MATERIALIZED VIEW example_measure_monthly AS SELECT 'n1'::text AS area_id, current_date AS month, 'visits' AS measure, 1::numeric AS value, false AS stock`);
    }
    async down(): Promise<void> {}
  }

  it.each([
    [[], 'the measure rollup example_measure_monthly does not exist: one of the sector\'s migrations must create it (docs/adding-a-sector.md)'],
    [
      [CreateRollupWithoutKeys1900000000000],
      'the measure rollup example_measure_monthly has no column key_sum: it needs area_id, month, measure, value, stock, key_sum, ' +
        'key_sum being the key sum of the units counted, which disclosure control perturbs by (docs/privacy.md)',
    ],
  ])('is refused when its database is prepared, naming what is missing (%#)', async (migrations, message) => {
    const url = freshDatabaseUrl(`rollup_check_${migrations.length}`);
    try {
      await expect(prepareDatabase({ ...example, migrations }, { url })).rejects.toThrow(new Error(message));
    } finally {
      await dropDatabase(url);
    }
  });
});

describe('a sector whose coverage is not what its indicators and imports need', () => {
  const ROLLUP_SQL = `CREATE MATERIALIZED VIEW example_measure_monthly AS
    SELECT 'n1'::text AS area_id, current_date AS month, 'visits' AS measure, 1::numeric AS value, false AS stock, 0::bigint AS key_sum`;
  class CreateRollupWithoutCoverage1900000000000 implements MigrationInterface {
    name = 'CreateRollupWithoutCoverage1900000000000';
    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(ROLLUP_SQL);
    }
    async down(): Promise<void> {}
  }
  class CreateCoverageOfOtherMeasures1900000000000 implements MigrationInterface {
    name = 'CreateCoverageOfOtherMeasures1900000000000';
    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(ROLLUP_SQL);
      await createMeasureCoverage(queryRunner, 'example_measure_monthly', { bookings: ['bookings.*', 'visitors'] });
    }
    async down(): Promise<void> {}
  }
  const visitsImport = (rollups: readonly string[]) => ({ name: 'visits', table: 'example_visit_count', naturalKey: ['area_id', 'month'], columns: [], rollups });

  it.each([
    [{ migrations: [CreateRollupWithoutCoverage1900000000000] }, 'the coverage view example_measure_coverage does not exist: one of the sector\'s migrations must create it with createMeasureCoverage (docs/adding-a-sector.md)'],
    [{ migrations: [CreateCoverageOfOtherMeasures1900000000000] }, 'the coverage view example_measure_coverage names no source of measure visits: list it in createMeasureCoverage'],
    [
      { importDatasets: [visitsImport(['example_measure_monthly'])] },
      'import dataset visits refreshes example_measure_monthly but not example_measure_coverage after it: list example_measure_coverage after example_measure_monthly among its rollups',
    ],
    [
      { importDatasets: [visitsImport(['example_measure_coverage', 'example_measure_monthly'])] },
      'import dataset visits refreshes example_measure_monthly but not example_measure_coverage after it: list example_measure_coverage after example_measure_monthly among its rollups',
    ],
  ])('is refused when its database is prepared, naming what is missing (%#)', async (change, message) => {
    const url = freshDatabaseUrl(`coverage_check_${message.length}`);
    try {
      await expect(prepareDatabase({ ...example, ...change }, { url })).rejects.toThrow(new Error(message));
    } finally {
      await dropDatabase(url);
    }
  });

  it('accepts an import dataset that refreshes the coverage after the rollup', async () => {
    const url = freshDatabaseUrl('coverage_check_ok');
    try {
      const prepared = await prepareDatabase({ ...example, importDatasets: [visitsImport(['example_measure_monthly', 'example_measure_coverage'])] }, { url, connectAs: 'owner' });
      const sources = await prepared.db.query(`SELECT source, measures, first_month, last_month FROM example_measure_coverage`);
      await prepared.db.destroy();
      // Nothing seeded: the source has no months, so every period answers NO_DATA.
      expect(sources).toEqual([{ source: 'visit_counts', measures: 'visits', first_month: null, last_month: null }]);
    } finally {
      await dropDatabase(url);
    }
  });
});
