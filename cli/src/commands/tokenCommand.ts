import { defineCommand } from './CommandDeclaration';

export const tokenCommand = defineCommand({
  name: 'token',
  summary: 'A development token signed with the secret npm start uses',
  options: {
    role: {
      type: 'string',
      value: '<role>',
      required: true,
      description: 'public, planner, sector-analyst, situation-table, auditor, data-steward (sector roles need --sector)',
    },
    sector: { type: 'string', value: '<name>', description: 'The sector of a sector-analyst or data-steward (e.g. police)' },
    agency: { type: 'string', value: '<id>', description: 'The agency claim (default lakeshore-<sector>, or lakeshore-municipality)' },
    purpose: { type: 'string', value: '<purpose>', description: "planning, risk-intervention, evaluation, public-reporting (default: the role's)" },
    subject: { type: 'string', value: '<id>', description: 'The subject (default dev-<role>)' },
    ttl: { type: 'string', value: '<seconds>', default: '3600', description: 'Lifetime, 1 to 86400 seconds' },
  },
  run: ({ values }) => (require('./token') as typeof import('./token')).token(values),
});
