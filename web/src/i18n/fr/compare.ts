import type { Translation } from '../Translation';
import type { compare as english } from '../en/compare';

export const compare: Translation<typeof english> = {
  'compare.areas': 'Secteurs comparés',
  'compare.addLabel': 'Secteur à ajouter',
  'compare.addPlaceholder': 'Choisissez un secteur…',
  'compare.add': 'Ajouter',
  'compare.remove': 'Retirer {name}',
  'compare.full': 'Six secteurs au plus : retirez-en un pour en ajouter un autre.',
  'compare.pickMore': 'Ajoutez au moins un autre secteur à comparer (de deux à six).',
  'compare.none': 'Aucun secteur choisi.',
  'compare.indicators': 'Indicateurs',
  'compare.allIndicators': 'Tous les indicateurs',
  'compare.byFramework': 'Par domaine du cadre',
  'compare.bySector': 'Par secteur d’activité',
  'compare.tableTitle': 'La dernière année côte à côte',
  'compare.tableCaption': 'Indicateurs des secteurs comparés, {year}',
  'compare.chartsTitle': 'Tendances, un graphique par indicateur',
  'compare.countNote': 'Un dénombrement : des secteurs de tailles différentes ne s’y comparent pas.',
  'compare.noIndicators': 'Aucun indicateur ne correspond à ce choix.',
  'compare.coarseOnly': 'Les chiffres d’un seul quartier ({areas}) ne sont pas communiqués à votre rôle (‡) ; ceux des quartiers électoraux et de la ville le sont.',
  'compare.added': '{name} ajouté.',
  'compare.removed': '{name} retiré.',
};
