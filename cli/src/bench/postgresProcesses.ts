import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The PostgreSQL server running on a data directory, read from Linux's `/proc`: the postmaster
 * (`postmaster.pid`, line 1) and its children (backends, writers). CPU is what they have used
 * (user + system, the children that have exited included in the postmaster's `cutime`/`cstime`);
 * memory is every process's private memory plus the shared memory (shared buffers) and mapped
 * files once (`status`'s RssAnon summed, RssShmem and RssFile at their largest): shared buffers
 * are not counted once per process as RSS would. (`smaps_rollup`'s Pss would be exact but costs
 * milliseconds of the sampling process's CPU per read, taken from what is measured.)
 * Elsewhere than Linux, or with no server running, both read undefined.
 */
export class PostgresProcesses {
  private readonly ticksPerSecond = 100;

  constructor(private readonly dataDir: string) {}

  private postmaster(): number | undefined {
    try {
      const pid = Number(fs.readFileSync(path.join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  private processes(): { pid: number; fields: string[] }[] {
    const postmaster = this.postmaster();
    if (postmaster === undefined || !fs.existsSync('/proc/self/stat')) return [];
    const found: { pid: number; fields: string[] }[] = [];
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        // Fields after the command name, which may itself hold spaces and parentheses.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const pid = Number(entry);
        if (pid === postmaster || Number(fields[1]) === postmaster) found.push({ pid, fields });
      } catch {
        // Exited while being read.
      }
    }
    return found;
  }

  /** CPU microseconds used by the server's processes so far; undefined where it cannot be read. */
  cpuMicros(): number | undefined {
    const processes = this.processes();
    if (processes.length === 0) return undefined;
    const postmaster = this.postmaster();
    let ticks = 0;
    for (const { pid, fields } of processes) {
      // utime, stime (fields 14, 15 of stat); the postmaster also carries its reaped children's.
      ticks += Number(fields[11]) + Number(fields[12]);
      if (pid === postmaster) ticks += Number(fields[13]) + Number(fields[14]);
    }
    return (ticks / this.ticksPerSecond) * 1e6;
  }

  /** Bytes the server's processes hold in memory now; undefined where it cannot be read. */
  memoryBytes(pids = this.processes().map((process) => process.pid)): number | undefined {
    if (pids.length === 0) return undefined;
    let privateKilobytes = 0;
    let sharedKilobytes = 0;
    let fileKilobytes = 0;
    for (const pid of pids) {
      try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
        privateKilobytes += field('RssAnon');
        sharedKilobytes = Math.max(sharedKilobytes, field('RssShmem'));
        fileKilobytes = Math.max(fileKilobytes, field('RssFile'));
      } catch {
        // Exited while being read.
      }
    }
    return (privateKilobytes + sharedKilobytes + fileKilobytes) * 1024;
  }

  /**
   * Samples `memoryBytes` every `everyMs` until the returned function is called, which gives the
   * highest seen. The server's processes are looked up once a second, not at every sample: a scan
   * of `/proc` costs the load generator's process CPU.
   */
  sampleMemory(everyMs = 250): () => number | undefined {
    let pids = this.processes().map((process) => process.pid);
    let peak = this.memoryBytes(pids);
    let samples = 0;
    const timer = setInterval(() => {
      if (++samples % Math.max(1, Math.round(1000 / everyMs)) === 0) pids = this.processes().map((process) => process.pid);
      const now = this.memoryBytes(pids);
      if (now !== undefined) peak = Math.max(peak ?? 0, now);
    }, everyMs);
    return () => {
      clearInterval(timer);
      return peak;
    };
  }
}
