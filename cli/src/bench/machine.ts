import * as os from 'node:os';

/** The machine the figures belong to, for the header of every section. */
export function describeMachine(postgresVersion = 'embedded PostgreSQL 18'): string {
  const cpus = os.cpus();
  const model = (cpus[0]?.model ?? 'CPU').replace(/\s+/g, ' ').trim();
  return `${cpus.length} × ${model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${postgresVersion}, ${os.platform()} ${os.release()}`;
}
