import { registerEnumType } from 'type-graphql';
import type { LocalizedText } from './LocalizedText';

/** The four areas of Ontario's CSWB planning framework. */
export enum FrameworkArea {
  SOCIAL_DEVELOPMENT = 'SOCIAL_DEVELOPMENT',
  PREVENTION = 'PREVENTION',
  RISK_INTERVENTION = 'RISK_INTERVENTION',
  INCIDENT_RESPONSE = 'INCIDENT_RESPONSE',
}

/**
 * Each area's name and one-sentence description, in the words of the Ministry's framework
 * (« Planification de la sécurité et du bien-être dans les collectivités » in French): the one
 * place they are written, for the enum's descriptions and the planning subgraph's `frameworkAreas`.
 */
export const FRAMEWORK_AREA_TEXT: Readonly<Record<FrameworkArea, { label: LocalizedText; description: LocalizedText }>> = {
  SOCIAL_DEVELOPMENT: {
    label: { EN: 'Social development', FR: 'Développement social' },
    description: {
      EN: 'Long-term work on the root causes of crime and social disorder',
      FR: 'Travail à long terme sur les causes profondes de la criminalité et du désordre social',
    },
  },
  PREVENTION: {
    label: { EN: 'Prevention', FR: 'Prévention' },
    description: {
      EN: 'Reducing identified risks before they lead to harm',
      FR: "Réduction des risques cernés avant qu'ils ne causent un préjudice",
    },
  },
  RISK_INTERVENTION: {
    label: { EN: 'Risk intervention', FR: 'Intervention centrée sur le risque' },
    description: {
      EN: 'Multi-sector response to situations of acutely elevated risk',
      FR: 'Intervention multisectorielle dans les situations de risque aigu élevé',
    },
  },
  INCIDENT_RESPONSE: {
    label: { EN: 'Incident response', FR: "Intervention en cas d'incident" },
    description: {
      EN: 'Immediate response to incidents: police, fire, EMS, child welfare, apprehensions',
      FR: "Intervention immédiate en cas d'incident : police, pompiers, services médicaux d'urgence, protection de l'enfance, appréhensions",
    },
  },
};

registerEnumType(FrameworkArea, {
  name: 'FrameworkArea',
  description: "An area of Ontario's Community Safety and Well-Being planning framework",
  valuesConfig: Object.fromEntries(Object.entries(FRAMEWORK_AREA_TEXT).map(([area, text]) => [area, { description: text.description.EN }])),
});
