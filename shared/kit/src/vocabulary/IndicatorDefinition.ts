import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { BetterDirection } from './BetterDirection';
import { FrameworkArea } from './FrameworkArea';
import { Granularity } from './Granularity';

@Directive('@shareable')
@ObjectType({ description: 'What an indicator measures, who owns it and how to read it' })
export class IndicatorDefinition {
  @Field(() => ID, { description: 'Stable identifier, prefixed by the owning sector: police.violent_crime_rate' })
  id: string;

  @Field()
  name: string;

  @Field({ description: 'How the value is computed, in words' })
  definition: string;

  @Field({ description: 'The sector (subgraph) that owns the data' })
  sector: string;

  @Field(() => FrameworkArea)
  frameworkArea: FrameworkArea;

  @Field({ description: 'Unit of the value, e.g. "per 1,000 residents" or "count"' })
  unit: string;

  @Field(() => BetterDirection)
  betterWhen: BetterDirection;

  @Field({ description: 'Where the data comes from' })
  source: string;

  @Field(() => Granularity, { description: 'The finest period the data is collected at' })
  frequency: Granularity;
}
