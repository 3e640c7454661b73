import { registerEnumType } from 'type-graphql';

/** How a discussion that met the AER threshold was concluded (RTD conclusion codes). */
export enum SituationTableConclusion {
  RISK_LOWERED_CONNECTED_TO_SERVICES = 'RISK_LOWERED_CONNECTED_TO_SERVICES',
  RISK_LOWERED_NOT_CONNECTED = 'RISK_LOWERED_NOT_CONNECTED',
  STILL_AT_RISK = 'STILL_AT_RISK',
  REFUSED_SERVICES = 'REFUSED_SERVICES',
  INFORMED_OF_SERVICES = 'INFORMED_OF_SERVICES',
  OTHER = 'OTHER',
}

/** Conclusions that count as risk lowered (measure `risk_lowered`). */
export const RISK_LOWERED_CONCLUSIONS: readonly SituationTableConclusion[] = [
  SituationTableConclusion.RISK_LOWERED_CONNECTED_TO_SERVICES,
  SituationTableConclusion.RISK_LOWERED_NOT_CONNECTED,
];

registerEnumType(SituationTableConclusion, {
  name: 'SituationTableConclusion',
  description: 'How a Situation Table concluded a discussion of acutely elevated risk',
  valuesConfig: {
    RISK_LOWERED_CONNECTED_TO_SERVICES: { description: 'Overall risk lowered; the person was connected to services' },
    RISK_LOWERED_NOT_CONNECTED: { description: 'Overall risk lowered without a connection to services' },
    STILL_AT_RISK: { description: 'Acutely elevated risk remains' },
    REFUSED_SERVICES: { description: 'The person refused the services offered' },
    INFORMED_OF_SERVICES: { description: 'The person was informed of services only' },
    OTHER: { description: 'Another conclusion (e.g. moved away, lost contact)' },
  },
});
