import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new plan, created as a DRAFT' })
export class CreatePlanInput {
  @Field(() => ID, { description: 'Id of the MUNICIPALITY area the plan is for' })
  municipalityId: string;

  @Field({ description: '1 to 200 characters' })
  title: string;

  @Field(() => LocalDateResolver)
  periodStart: string;

  @Field(() => LocalDateResolver, { description: 'After periodStart' })
  periodEnd: string;
}
