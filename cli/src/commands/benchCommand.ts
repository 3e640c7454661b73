import { defineCommand } from './CommandDeclaration';

export const benchCommand = defineCommand({
  name: 'bench',
  summary:
    'The benchmark suite (npm run bench): every figure against a baseline of the same run; --write records the results in docs/benchmarks.md (privacy-utility in docs/privacy.md); --smoke runs every suite for a few seconds on small data (CI)',
  options: {
    only: { type: 'string', value: '<suite,...>', description: 'Run only these suites' },
    size: { type: 'string', value: 'small|city', default: 'city', description: 'Seeded data for the suites that use the synthetic city' },
    seconds: { type: 'string', value: 'N', default: '10', description: 'Seconds of load per measured run' },
    concurrency: { type: 'string', value: 'N', default: '10', description: 'Concurrent clients of the load generator' },
    repeats: { type: 'string', value: 'N', default: '3', description: 'Measured runs per scenario (medians, with min and max)' },
    smoke: { type: 'boolean', default: false, description: 'Every suite for a few seconds on small data: proves they run (CI)' },
    write: { type: 'boolean', default: false, description: 'Record the results in docs/benchmarks.md (privacy-utility in docs/privacy.md)' },
  },
  details: () => {
    const { BENCH_SUITES } = require('../bench/suites') as typeof import('../bench/suites');
    return `Suites:\n${BENCH_SUITES.map((suite) => `  ${suite.id.padEnd(18)}${suite.title}`).join('\n')}\n`;
  },
  run: ({ values }) =>
    (require('./bench') as typeof import('./bench')).bench({
      size: values.size,
      seconds: Number(values.seconds),
      concurrency: Number(values.concurrency),
      repeats: Number(values.repeats),
      only: values.only,
      smoke: values.smoke,
      write: values.write,
    }),
});
