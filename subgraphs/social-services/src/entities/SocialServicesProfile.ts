import { AreaProfile, SectorProfile } from '@cswb/subgraph-kit/sector';
import { SOCIAL_SERVICES_INDICATORS } from '../indicators';

@SectorProfile({
  sector: 'social-services',
  description: "Social services' view of an area: social assistance, child welfare, food banks and community programs",
  areaFieldDescription: 'Social assistance, child welfare and food bank indicators, and the community programs serving this area',
  indicatorsDescription: 'Social services indicators for the area, one series per indicator over the requested periods',
  indicators: SOCIAL_SERVICES_INDICATORS,
})
export class SocialServicesProfile extends AreaProfile {}
