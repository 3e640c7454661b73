import { ArgsType, Field, ID, Int } from 'type-graphql';
import { HousingShelterSector } from '../entities/HousingShelterSector';

export const MAX_SHELTERS = 1000;

@ArgsType()
export class HousingShelterArgs {
  @Field(() => ID, { nullable: true, description: 'Only shelters in this neighbourhood' })
  areaId?: string | null;

  @Field(() => HousingShelterSector, { nullable: true, description: 'Only shelters serving this population' })
  sector?: HousingShelterSector | null;

  @Field(() => Int, { defaultValue: 100, description: `Most shelters returned, 1 to ${MAX_SHELTERS}` })
  limit: number;
}
