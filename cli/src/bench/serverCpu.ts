import * as fs from 'node:fs';
import * as path from 'node:path';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux that runs this). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds used so far by a PostgreSQL server, once no process of it is ending: a backend
 * that ends between the reading of its own times and the postmaster's (which then counts it
 * among the children it has reaped) is counted twice or not at all, so readings are repeated
 * until two agree. NaN where there is no /proc or no `postmaster.pid`.
 */
export async function serverCpuSeconds(dataDir: string): Promise<number> {
  let last = readServerCpu(dataDir);
  for (let attempt = 0; attempt < 20 && Number.isFinite(last); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = readServerCpu(dataDir);
    if (Math.abs(next - last) <= 0.02) return next;
    last = next;
  }
  return last;
}

/**
 * The postmaster's CPU with the children it has reaped, plus every process it runs now (backends,
 * WAL writer, checkpointer, autovacuum, I/O workers), from /proc.
 */
function readServerCpu(dataDir: string): number {
  let postmaster: number;
  try {
    postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return Number.NaN;
  }
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return Number.NaN;
  }
  let ticks = 0;
  let found = false;
  for (const entry of entries) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // Fields after the command name (which may hold spaces): state, ppid, … utime (14th), stime, cutime, cstime.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    if (Number(entry) === postmaster) {
      ticks += utime + stime + cutime + cstime;
      found = true;
    } else if (Number(fields[1]) === postmaster) ticks += utime + stime;
  }
  return found ? ticks / TICKS_PER_SECOND : Number.NaN;
}
