#!/usr/bin/env node
import './productionDefaults';
import { parseArgs } from 'node:util';

// Each command's module is loaded when it runs: `cswb token` or `cswb import` need not load the
// gateway runtime, the composition library or the benchmark tools.
const commands = {
  audit: () => require('./commands/audit') as typeof import('./commands/audit'),
  bench: () => require('./commands/bench') as typeof import('./commands/bench'),
  certs: () => require('./commands/certs') as typeof import('./commands/certs'),
  check: () => require('./commands/check') as typeof import('./commands/check'),
  compose: () => require('./commands/compose') as typeof import('./commands/compose'),
  import: () => require('./commands/import') as typeof import('./commands/import'),
  migrate: () => require('./commands/migrate') as typeof import('./commands/migrate'),
  serveSubgraph: () => require('./commands/serveSubgraph') as typeof import('./commands/serveSubgraph'),
  start: () => require('./commands/start') as typeof import('./commands/start'),
  token: () => require('./commands/token') as typeof import('./commands/token'),
};

const USAGE = `Usage: cswb <command> [options]

Commands:
  start               Start PostgreSQL (embedded unless configured), every subgraph and the gateway
  compose [--check]   Regenerate each subgraph's generated/schema.graphql and gateway/generated/supergraph.graphql;
                      with --check, change nothing and exit 1 if any is out of date
  check <subgraph> [--schema <file.graphql>]
                      Compose with the subgraph's new schema (its current code, or the file) and
                      report breaking changes to the committed supergraph and documented queries;
                      exit 1 if anything breaks (cswb check --help)
  migrate [--seed]    Run pending migrations of every subgraph (and seed empty databases)
  seed                Migrate and seed every empty database (SEED_SIZE small or city, SEED)
  import <sector> <dataset> <file> [--skip-invalid] [--rejects <path>] [--encoding latin1]
                      Validate a CSV or JSON lines file and merge it into a sector's table;
                      exit 1 on invalid data, 2 usage, 3 database (cswb import --help)
  serve-subgraph <name>
                      Run one subgraph on its own (as a container does): create, migrate and
                      seed its database, then serve it on <NAME>_PORT or PORT
  token --role <role> [--sector <name>] [--agency <id>] [--purpose <purpose>] [--subject <id>] [--ttl <seconds>]
                      A development token signed with the secret npm start uses; roles:
                      public, planner, sector-analyst, situation-table, auditor, data-steward
                      (sector roles need --sector); purposes: planning, risk-intervention,
                      evaluation, public-reporting
  certs [--renew <member>] [--sign <request.pem> --member <name>] [--hosts <a,b>] [--dir <path>]
                      The deployment CA and the gateway's and subgraphs' certificates (made on
                      first npm start); rotate one, or sign an agency's own request (cswb certs --help)
  audit verify [--subgraph <name>] [--checkpoints <dir>]
                      Recompute the hash chain of each subgraph's audit log (or one's) and check
                      its end against the chain head: one line per subgraph; exit 1 if any chain
                      is broken or cut short (npm run cswb -- audit verify). --checkpoints: also
                      against the signed checkpoints in <dir>, kept off the database host, and
                      record new ones (docs/audit.md)
  bench [--only <suite,...>] [--size small|city] [--seconds N] [--concurrency N] [--repeats N] [--smoke] [--write]
                      The benchmark suite (npm run bench): every figure against a baseline of
                      the same run; --write records the results in docs/benchmarks.md;
                      --smoke runs every suite for a few seconds on small data (CI)

Environment: see README.md, "Configuration".
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  // import, check and certs print their own detailed help.
  if ((rest.includes('--help') || rest.includes('-h')) && command !== 'import' && command !== 'check' && command !== 'certs') {
    process.stdout.write(USAGE);
    return 0;
  }
  switch (command) {
    case 'seed':
      return commands.migrate().migrate({ seed: true });
    case 'start':
      return commands.start().start();
    case 'compose': {
      const { values } = parseArgs({ args: rest, options: { check: { type: 'boolean', default: false } } });
      return commands.compose().compose({ check: values.check ?? false });
    }
    case 'check': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { schema: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
        allowPositionals: true,
      });
      if (values.help) {
        process.stdout.write(commands.check().CHECK_USAGE);
        return 0;
      }
      if (positionals.length !== 1) {
        process.stderr.write(`cswb check: expected one subgraph name\n\n${commands.check().CHECK_USAGE}`);
        return 2;
      }
      return commands.check().check({ subgraph: positionals[0], schema: values.schema });
    }
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: {
          'skip-invalid': { type: 'boolean', default: false },
          rejects: { type: 'string' },
          format: { type: 'string' },
          encoding: { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
        allowPositionals: true,
      });
      if (values.help) {
        process.stdout.write(commands.import().IMPORT_USAGE);
        return 0;
      }
      if (positionals.length > 3) {
        process.stderr.write(`cswb import: expected <sector> <dataset> <file>\n\n${commands.import().IMPORT_USAGE}`);
        return 2;
      }
      const [sector, dataset, file] = positionals;
      return commands.import().importFile({ sector, dataset, file, skipInvalid: values['skip-invalid'] ?? false, rejects: values.rejects, format: values.format, encoding: values.encoding });
    }
    case 'certs': {
      const { values } = parseArgs({
        args: rest,
        options: {
          dir: { type: 'string' },
          hosts: { type: 'string' },
          renew: { type: 'string' },
          sign: { type: 'string' },
          member: { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
      if (values.help) {
        process.stdout.write(commands.certs().CERTS_USAGE);
        return 0;
      }
      return commands.certs().certs(values);
    }
    case 'migrate': {
      const { values } = parseArgs({ args: rest, options: { seed: { type: 'boolean', default: false } } });
      return commands.migrate().migrate({ seed: values.seed ?? false });
    }
    case 'serve-subgraph': {
      const { positionals } = parseArgs({ args: rest, options: {}, allowPositionals: true });
      if (positionals.length !== 1) {
        process.stderr.write(`cswb serve-subgraph: expected one subgraph name\n\n${USAGE}`);
        return 2;
      }
      return commands.serveSubgraph().serveOneSubgraph(positionals[0]);
    }
    case 'token': {
      const { values } = parseArgs({
        args: rest,
        options: {
          role: { type: 'string' },
          sector: { type: 'string' },
          agency: { type: 'string' },
          purpose: { type: 'string' },
          subject: { type: 'string' },
          ttl: { type: 'string', default: '3600' },
        },
      });
      if (!values.role) {
        process.stderr.write(`cswb token: --role is required\n\n${USAGE}`);
        return 2;
      }
      return commands.token().token({ ...values, role: values.role, ttl: values.ttl ?? '3600' });
    }
    case 'audit': {
      const { values, positionals } = parseArgs({ args: rest, options: { subgraph: { type: 'string' }, checkpoints: { type: 'string' } }, allowPositionals: true });
      if (positionals.length !== 1 || positionals[0] !== 'verify') {
        process.stderr.write(`cswb audit: expected "verify"\n\n${USAGE}`);
        return 2;
      }
      return commands.audit().auditVerify({ subgraph: values.subgraph, checkpoints: values.checkpoints });
    }
    case 'bench': {
      const { values } = parseArgs({
        args: rest,
        options: {
          size: { type: 'string', default: 'city' },
          seconds: { type: 'string', default: '10' },
          concurrency: { type: 'string', default: '10' },
          repeats: { type: 'string', default: '3' },
          only: { type: 'string' },
          smoke: { type: 'boolean', default: false },
          write: { type: 'boolean', default: false },
        },
      });
      return commands.bench().bench({
        size: values.size ?? 'city',
        seconds: Number(values.seconds),
        concurrency: Number(values.concurrency),
        repeats: Number(values.repeats),
        only: values.only,
        smoke: values.smoke ?? false,
        write: values.write ?? false,
      });
    }
    default:
      process.stderr.write(`cswb: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`cswb: ${(error as Error).message}\n`);
    process.exit(error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : 1);
  },
);
