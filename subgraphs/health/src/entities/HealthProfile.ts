import { AreaProfile, SectorProfile } from '@cswb/subgraph-kit/sector';
import { HEALTH_INDICATORS } from '../indicators';

@SectorProfile({
  sector: 'health',
  description: "The public health unit's view of an area: aggregate counts only, never records",
  areaFieldDescription: "The public health unit's indicators and aggregate counts for this area",
  indicatorsDescription: 'Health indicators for the area, one series per indicator over the requested periods',
  indicators: HEALTH_INDICATORS,
})
export class HealthProfile extends AreaProfile {}
