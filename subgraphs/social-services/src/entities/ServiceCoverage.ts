import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('SocialServicesCoverage', { description: 'Community programs that answer a priority risk in one neighbourhood and framework area' })
export class ServiceCoverage {
  @Field(() => ID)
  areaId: string;

  @Field(() => FrameworkArea)
  frameworkArea: FrameworkArea;

  @Field(() => Int, { description: 'Programs serving the neighbourhood in a category that answers the risk' })
  services: number;

  @Field({ description: 'Fewer programs than the gap threshold' })
  gap: boolean;
}
