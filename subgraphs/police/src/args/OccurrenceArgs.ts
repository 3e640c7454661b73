import { ArgsType, Field } from 'type-graphql';
import { OccurrenceCategory } from '../entities/OccurrenceCategory';
import { RecordRangeArgs } from './RecordRangeArgs';

@ArgsType()
export class OccurrenceArgs extends RecordRangeArgs {
  @Field(() => OccurrenceCategory, { nullable: true, description: 'Only this UCR group' })
  category?: OccurrenceCategory | null;
}
