export const barChart = {
  'barChart.summary': 'Bar chart: {title}. {count} bars. {items}.',
} as const;
