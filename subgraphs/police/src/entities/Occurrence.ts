import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { OccurrenceCategory } from './OccurrenceCategory';
import { PremisesType } from './PremisesType';

/** A de-identified police occurrence: no names, location generalised to a neighbourhood. */
@Entity('police_occurrence')
@Index(['areaId', 'occurredOn'])
@ObjectType('PoliceOccurrence', { description: 'A de-identified police occurrence, located by neighbourhood only' })
export class Occurrence {
  @PrimaryColumn({ type: 'text', name: 'occurrence_number' })
  @Field(() => ID, { description: "The police service's occurrence number" })
  occurrenceNumber: string;

  @Column({ type: 'date', name: 'occurred_on' })
  @Field(() => LocalDateResolver)
  occurredOn: string;

  @Column({ type: 'text', name: 'area_id' })
  @Field(() => ID, { description: 'Neighbourhood the occurrence is generalised to' })
  areaId: string;

  @Column({ type: 'text', name: 'agency_id' })
  @Field(() => ID, { description: 'The police service that holds the record' })
  agencyId: string;

  @Column({ type: 'text' })
  @Field(() => OccurrenceCategory)
  category: OccurrenceCategory;

  @Column({ type: 'text', name: 'premises_type' })
  @Field(() => PremisesType)
  premisesType: PremisesType;

  @Column({ type: 'boolean' })
  @Field({ description: 'Cleared by charge or otherwise' })
  cleared: boolean;
}
