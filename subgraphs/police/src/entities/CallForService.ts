import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CallType } from './CallType';

@Entity('police_call_for_service')
@Index(['areaId', 'receivedOn'])
@ObjectType('PoliceCallForService', { description: 'A call for police service, located by neighbourhood only' })
export class CallForService {
  @PrimaryColumn({ type: 'text', name: 'call_number' })
  @Field(() => ID)
  callNumber: string;

  @Column({ type: 'date', name: 'received_on' })
  @Field(() => LocalDateResolver)
  receivedOn: string;

  @Column({ type: 'text', name: 'area_id' })
  @Field(() => ID)
  areaId: string;

  @Column({ type: 'text', name: 'agency_id' })
  @Field(() => ID, { description: 'The police service that holds the record' })
  agencyId: string;

  @Column({ type: 'text', name: 'call_type' })
  @Field(() => CallType)
  callType: CallType;

  @Column({ type: 'boolean', name: 'mha_apprehension' })
  @Field({ description: 'Ended in an apprehension under the Mental Health Act' })
  mhaApprehension: boolean;
}
