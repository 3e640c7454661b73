import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AreaKind } from './AreaKind';

@Entity('area')
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A geographic area of a municipality: every sector reports against these' })
export class Area {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: 'Stable identifier, e.g. lakeshore-n001' })
  id: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'text' })
  @Field(() => AreaKind)
  kind: AreaKind;

  @Index()
  @Column({ type: 'text', name: 'parent_id', nullable: true })
  parentId: string | null;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Residents at the latest census' })
  population: number;
}
