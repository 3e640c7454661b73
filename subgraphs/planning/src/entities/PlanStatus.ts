import { registerEnumType } from 'type-graphql';

/** Where a plan stands in its life cycle under the Community Safety and Policing Act. */
export enum PlanStatus {
  DRAFT = 'DRAFT',
  ADOPTED = 'ADOPTED',
  PUBLISHED = 'PUBLISHED',
  UNDER_REVIEW = 'UNDER_REVIEW',
}

registerEnumType(PlanStatus, {
  name: 'PlanStatus',
  description: 'Where a CSWB plan stands: drafted, adopted by council resolution, published, or under its four-yearly review',
  valuesConfig: {
    DRAFT: { description: 'Being prepared with the advisory committee; not public' },
    ADOPTED: { description: 'Adopted by council resolution (adoptedOn); not yet published' },
    PUBLISHED: { description: 'Adopted and published: readable by everyone' },
    UNDER_REVIEW: { description: 'Being reviewed (the Act requires a review every four years); re-adopted when done' },
  },
});
