import { AreaProfile, SectorProfile } from '@cswb/subgraph-kit/sector';
import { POLICE_INDICATORS } from '../indicators';

@SectorProfile({
  sector: 'police',
  description: "The police service's view of an area",
  areaFieldDescription: "The police service's indicators and data for this area",
  indicatorsDescription: 'Police indicators for the area, one series per indicator over the requested periods',
  indicators: POLICE_INDICATORS,
})
export class PoliceProfile extends AreaProfile {}
