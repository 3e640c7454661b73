import { registerEnumType } from 'type-graphql';

/** The two panels of Ontario's publicly funded schools. */
export enum SchoolPanel {
  ELEMENTARY = 'ELEMENTARY',
  SECONDARY = 'SECONDARY',
}

registerEnumType(SchoolPanel, {
  name: 'EducationPanel',
  description: 'Panel of a school: elementary (kindergarten to Grade 8) or secondary (Grades 9 to 12)',
  valuesConfig: {
    ELEMENTARY: { description: 'Kindergarten to Grade 8' },
    SECONDARY: { description: 'Grades 9 to 12' },
  },
});
