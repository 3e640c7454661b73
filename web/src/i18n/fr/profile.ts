import type { Translation } from '../Translation';
import type { profile as english } from '../en/profile';

export const profile: Translation<typeof english> = {
  'profile.area': 'Secteur',
  'profile.areaGroup.MUNICIPALITY': 'Ville',
  'profile.areaGroup.WARD': 'Quartiers électoraux',
  'profile.areaGroup.NEIGHBOURHOOD': 'Quartiers',
  'profile.groupBy': 'Regrouper les indicateurs par',
  'profile.period': 'Années',
  'profile.from': 'De',
  'profile.to': 'À',
  'profile.pickArea': 'Choisissez un secteur pour voir son profil.',
  'profile.notFound': 'Il n’y a pas de secteur {id}.',
  'profile.beside': 'À côté de {areas}.',
  'profile.and': ' et ',
  'profile.whole': 'Toute la ville.',
  'profile.compareLink': 'Comparer ces secteurs côte à côte',
  'profile.coarseOnly': 'Les chiffres d’un seul quartier comme {area} ne sont pas communiqués à votre rôle (‡) ; ceux de son quartier électoral et de la ville le sont.',
  'profile.sectorDenied': '{sector} : non communiqué à votre rôle.',
  'profile.countNote': 'Un dénombrement : il ne se compare pas entre secteurs de tailles différentes, seul {area} est donc tracé ; le tableau les donne tous.',
  'profile.indicatorCaption': '{indicator} ({unit}) par année',
  'profile.tableTitle': 'Tout le profil en tableau',
  'profile.tableCaption': 'Chaque indicateur de {area} par année, à côté de son quartier électoral et de la ville',
};
