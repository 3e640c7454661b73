import { ArgsType, Field, ID, Int } from 'type-graphql';
import { SchoolPanel } from '../entities/SchoolPanel';

export const MAX_SCHOOLS = 1000;

@ArgsType()
export class SchoolArgs {
  @Field(() => ID, { nullable: true, description: 'Only schools in this neighbourhood; all schools when omitted' })
  areaId?: string | null;

  @Field(() => SchoolPanel, { nullable: true, description: 'Only schools of this panel' })
  panel?: SchoolPanel | null;

  @Field(() => Int, { defaultValue: 100, description: `Most schools returned, 1 to ${MAX_SCHOOLS}` })
  limit: number;
}
