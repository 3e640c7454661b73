import { AreaProfile, SectorProfile } from '@cswb/subgraph-kit/sector';
import { EDUCATION_INDICATORS } from '../indicators';

@SectorProfile({
  sector: 'education',
  description: "The school boards' view of an area",
  areaFieldDescription: "The school boards' indicators and schools for this area",
  indicatorsDescription: 'Education indicators for the area, one series per indicator over the requested periods',
  indicators: EDUCATION_INDICATORS,
})
export class EducationProfile extends AreaProfile {}
