import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A community program in the CSWB asset map: an organisation's service, never a person. */
@Entity('social_services_program')
@ObjectType('SocialServicesProgram', { description: 'A community program in the asset map of services available to residents' })
export class Program {
  @PrimaryColumn({ type: 'text', name: 'program_code' })
  @Field(() => ID, { description: 'Stable code of the program in the directory' })
  programCode: string;

  @Column({ type: 'text', name: 'name' })
  @Field({ description: 'Name of the program' })
  name: string;

  @Column({ type: 'text', name: 'provider' })
  @Field({ description: 'Agency that delivers the program' })
  provider: string;

  @Column({ type: 'text', name: 'framework_area' })
  @Field(() => FrameworkArea, { description: 'The CSWB framework area the program works in' })
  frameworkArea: FrameworkArea;

  @Column({ type: 'text', name: 'eligibility' })
  @Field({ description: 'Who may use the program, from a controlled list of phrases such as "Youth 12-24"' })
  eligibility: string;
}
