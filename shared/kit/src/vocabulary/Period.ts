import { Directive, Field, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Granularity } from './Granularity';

@Directive('@shareable')
@ObjectType({ description: 'A calendar period: a year, a quarter or a month' })
export class Period {
  @Field(() => Granularity)
  granularity: Granularity;

  @Field(() => LocalDateResolver, { description: 'First day of the period' })
  start: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the period (inclusive)' })
  end: string;

  @Field({ description: 'Human-readable label: 2024, 2024-Q3, 2024-07' })
  label: string;
}
