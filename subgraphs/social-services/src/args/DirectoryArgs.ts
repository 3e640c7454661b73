import { ArgsType, Field, ID, Int } from 'type-graphql';
import { ProgramFilterArgs } from './ProgramFilterArgs';

export const MAX_PROGRAMS = 1000;

@ArgsType()
export class DirectoryArgs extends ProgramFilterArgs {
  @Field(() => ID, { nullable: true, description: 'Only programs serving this neighbourhood' })
  areaId?: string | null;

  @Field(() => Int, { defaultValue: 100, description: `Most programs returned, 1 to ${MAX_PROGRAMS}` })
  limit: number;
}
