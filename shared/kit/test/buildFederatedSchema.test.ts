import { buildFederatedSchema, FEDERATION_LINK } from '@cswb/subgraph-kit/federation';
import { execute, parse } from 'graphql';
import { Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';

/** A fixture subgraph: one entity with a key and a reference resolver. */
@Directive('@key(fields: "code")')
@ObjectType('FixtureShelter')
class FixtureShelter {
  @Field(() => ID)
  code: string;

  @Field()
  name: string;
}

const SHELTERS: FixtureShelter[] = [
  { code: 's1', name: 'Harbour House' },
  { code: 's2', name: 'Cedar Lodge' },
];

@Resolver(() => FixtureShelter)
class FixtureShelterResolver {
  @Query(() => [FixtureShelter])
  fixtureShelters(): FixtureShelter[] {
    return SHELTERS;
  }
}

const fixture = {
  name: 'fixture',
  resolvers: [FixtureShelterResolver] as [typeof FixtureShelterResolver],
  referenceResolvers: {
    FixtureShelter: (reference: { code: string }) => SHELTERS.find((s) => s.code === reference.code) ?? null,
  },
};

describe('buildFederatedSchema', () => {
  it('prints the SDL with the federation link and the @key that graphql printSchema would drop', async () => {
    const { sdl } = await buildFederatedSchema(fixture);
    expect(sdl.startsWith(FEDERATION_LINK)).toBe(true);
    expect(sdl).toContain('type FixtureShelter @key(fields: "code")');
  });

  it('serves _service and resolves _entities through the reference resolver', async () => {
    const { schema } = await buildFederatedSchema(fixture);
    const service = await execute({ schema, document: parse('{ _service { sdl } }') });
    expect((service.data as any)._service.sdl).toContain('@key(fields: "code")');

    const entities = await execute({
      schema,
      document: parse('query ($r: [_Any!]!) { _entities(representations: $r) { ... on FixtureShelter { code name } } }'),
      variableValues: { r: [{ __typename: 'FixtureShelter', code: 's2' }, { __typename: 'FixtureShelter', code: 'none' }] },
    });
    expect(entities.errors).toBeUndefined();
    expect((entities.data as any)._entities).toEqual([{ code: 's2', name: 'Cedar Lodge' }, null]);
  });
});
