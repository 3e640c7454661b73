import type { Translation } from '../Translation';
import type { barChart as english } from '../en/barChart';

export const barChart: Translation<typeof english> = {
  'barChart.summary': 'Graphique à barres : {title}. {count} barres. {items}.',
};
