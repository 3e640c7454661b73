import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import { ArgsType, Field } from 'type-graphql';
import { ServiceCategory } from '../entities/ServiceCategory';

@ArgsType()
export class ProgramFilterArgs {
  @Field(() => FrameworkArea, { nullable: true, description: 'Only programs working in this framework area' })
  frameworkArea?: FrameworkArea | null;

  @Field(() => ServiceCategory, { nullable: true, description: 'Only programs offering this kind of service' })
  category?: ServiceCategory | null;
}
