export const chart = {
  'chart.summaryRange': '{from}: {first}; {to}: {last}',
  'chart.summaryEmpty': 'no value shown',
  'chart.summaryWithheld': '{count} withheld (‡)',
  'chart.summaryPerturbed': 'perturbed values drawn hollow',
  'chart.markerNote': 'Hollow points: perturbed values (†). ‡ below the line: withheld, not drawn.',
} as const;
