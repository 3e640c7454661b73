import type { Translation } from '../Translation';
import type { signIn as en } from '../en/signIn';

export const signIn: Translation<typeof en> = {
  'signIn.intro': 'Chaque organisme décide de ce que ses chiffres montrent et à qui. Connectez-vous avec votre jeton pour voir ce que votre rôle permet; sans jeton, vous voyez ce que voit le public.',
  'signIn.pasteTitle': 'Se connecter avec un jeton',
  'signIn.tokenLabel': 'Jeton (du fournisseur d’identité de votre organisme)',
  'signIn.submit': 'Se connecter',
  'signIn.invalidToken': 'Ce jeton n’est pas valide ou a expiré.',
  'signIn.devTitle': 'Développement : choisir un rôle',
  'signIn.devHelp': 'Ce carrefour fonctionne avec un secret de développement et délivre donc des jetons pour tout rôle. Un carrefour en production ne le fait pas.',
  'signIn.role': 'Rôle',
  'signIn.sector': 'Secteur d’activité',
  'signIn.pick': 'Se connecter avec ce rôle',
  'signIn.roleFailed': 'Le carrefour n’a pas délivré de jeton pour ce rôle.',
  'role.public': 'Public',
  'role.planner': 'Planificateur municipal',
  'role.sector-analyst': 'Analyste sectoriel',
  'role.situation-table': 'Membre d’une table de concertation',
  'role.auditor': 'Vérificateur',
  'role.data-steward': 'Gestionnaire des données',
};
