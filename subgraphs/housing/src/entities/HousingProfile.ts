import { AreaProfile, SectorProfile } from '@cswb/subgraph-kit/sector';
import { HOUSING_INDICATORS } from '../indicators';

@SectorProfile({
  sector: 'housing',
  description: "The housing and homelessness service manager's view of an area",
  areaFieldDescription: 'Housing and homelessness indicators and shelters for this area',
  indicatorsDescription: 'Housing indicators for the area, one series per indicator over the requested periods',
  indicators: HOUSING_INDICATORS,
})
export class HousingProfile extends AreaProfile {}
