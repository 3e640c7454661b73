import type { Translation } from '../Translation';
import type { chart as english } from '../en/chart';

export const chart: Translation<typeof english> = {
  'chart.summaryRange': '{from} : {first} ; {to} : {last}',
  'chart.summaryEmpty': 'aucune valeur affichée',
  'chart.summaryWithheld': '{count} retenue(s) (‡)',
  'chart.summaryPerturbed': 'valeurs perturbées en points creux',
  'chart.markerNote': 'Points creux : valeurs perturbées (†). ‡ sous la courbe : valeur retenue, non tracée.',
};
