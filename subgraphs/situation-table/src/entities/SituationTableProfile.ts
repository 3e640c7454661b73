import { AreaProfile, SectorProfile } from '@cswb/subgraph-kit/sector';
import { SITUATION_TABLE_INDICATORS } from '../indicators';

@SectorProfile({
  sector: 'situation-table',
  description: "The Situation Tables' view of an area: discussions of acutely elevated risk and their outcomes",
  areaFieldDescription: 'Situation Table discussions of acutely elevated risk in this area, with their AER share and outcomes',
  indicatorsDescription: 'Situation Table indicators for the area, one series per indicator over the requested periods',
  indicators: SITUATION_TABLE_INDICATORS,
})
export class SituationTableProfile extends AreaProfile {}
