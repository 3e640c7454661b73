import { defineCommand } from './CommandDeclaration';
import { UsageError } from './UsageError';

export const auditCommand = defineCommand({
  name: 'audit',
  arguments: 'verify',
  summary:
    "Recompute the hash chain of each subgraph's audit log (or one's) and check its end against the chain head: one line per subgraph; exit 1 if any chain is broken or cut short (npm run cswb -- audit verify)",
  options: {
    subgraph: { type: 'string', value: '<name>', description: 'Only this subgraph' },
    checkpoints: {
      type: 'string',
      value: '<dir>',
      description: 'Also against the signed checkpoints in <dir>, kept off the database host, and record new ones (docs/audit.md)',
    },
  },
  run: ({ values, positionals }) => {
    if (positionals.length !== 1 || positionals[0] !== 'verify') throw new UsageError('expected "verify"');
    return (require('./audit') as typeof import('./audit')).auditVerify({ subgraph: values.subgraph, checkpoints: values.checkpoints });
  },
});
