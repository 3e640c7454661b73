import { RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A plan's priority risk, owned by the planning subgraph; social services adds its service coverage. */
@Directive('@key(fields: "id")')
@ObjectType('PlanPriorityRisk')
export class PriorityRisk {
  @Field(() => ID)
  id: string;

  @Directive('@external')
  @Field(() => RiskFactorCategory)
  category: RiskFactorCategory;

  @Directive('@external')
  @Field(() => [ID], { description: 'Neighbourhoods the risk covers' })
  neighbourhoodIds: string[];
}
