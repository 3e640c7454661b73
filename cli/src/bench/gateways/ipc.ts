import { ChildProcess, fork } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import * as fs from 'node:fs';

/** What a bench child process (subgraphs or one gateway) says to the suite over IPC. */
export type ChildMessage =
  | { type: 'ready'; url?: string; subgraphs?: { name: string; url: string }[]; seconds: number }
  | { type: 'failed'; error: string }
  | { type: 'reply'; id: number; body: any };

/** What the suite asks; every request is answered by a `reply` with the same id. */
export interface ChildRequest {
  type: 'stats' | 'counts' | 'connections' | 'response-cache' | 'stop';
  id: number;
  /** stats: start a new peak-memory window after answering. */
  reset?: boolean;
  /** response-cache: whether the subgraphs' response caches (or the gateway's answer cache) serve and keep answers from now on. */
  enabled?: boolean;
}

/** CPU and memory of a gateway process, as it reports them. */
export interface ProcessStats {
  /** process.cpuUsage(): user + system, microseconds since the process started. */
  cpuMicros: number;
  /**
   * The highest RSS since the last reset, bytes: Linux's own high-water mark (VmHWM, reset through
   * /proc/self/clear_refs), else the highest of samples taken every 100 ms.
   */
  peakRss: number;
  /** process.resourceUsage().maxRSS: the highest RSS over the process's life, bytes. */
  maxRss: number;
  /** HTTP requests this process has received since it started (any server in it). */
  requests: number;
}

export interface BenchChild {
  pid: number;
  ready: Extract<ChildMessage, { type: 'ready' }>;
  request<T>(type: ChildRequest['type'], options?: { reset?: boolean; enabled?: boolean }): Promise<T>;
  /** Asks it to stop, then SIGTERM, then SIGKILL; resolves when it has exited. */
  stop(): Promise<void>;
}

const TAIL = 4000;

/**
 * Forks a bench child (a compiled script of this folder) and waits for its `ready` message. Its
 * stdout is discarded (a gateway's request log goes there, as in production, where a container
 * runtime reads it); stderr is kept for the error message and passed to `log` when `verbose`.
 * `CSWB_BENCH_CPU_PROF=<dir>` runs it under `--cpu-prof`.
 */
export async function forkBenchChild(options: {
  script: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  label: string;
  log: (line: string) => void;
  verbose?: boolean;
  timeoutMs: number;
}): Promise<BenchChild> {
  const profileDir = process.env.CSWB_BENCH_CPU_PROF;
  const child: ChildProcess = fork(options.script, options.args ?? [], {
    env: options.env,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execArgv: profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-TAIL);
    if (options.verbose) for (const line of chunk.split('\n').filter(Boolean)) options.log(`  ${options.label}: ${line}`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let nextId = 1;
  const pending = new Map<number, { resolve: (body: any) => void; reject: (error: Error) => void }>();
  child.on('message', (message: ChildMessage) => {
    if (message.type !== 'reply') return;
    pending.get(message.id)?.resolve(message.body);
    pending.delete(message.id);
  });
  child.once('exit', (code, signal) => {
    for (const { reject } of pending.values()) reject(new Error(`${options.label} exited (${signal ?? code})`));
    pending.clear();
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send({ type: 'stop', id: 0 } satisfies ChildRequest);
    const timer = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
    if ((await Promise.race([exited, timer(15_000)])) !== 'timeout') return;
    child.kill('SIGTERM');
    if ((await Promise.race([exited, timer(5_000)])) !== 'timeout') return;
    child.kill('SIGKILL');
    await exited;
  };
  try {
    const ready = await new Promise<Extract<ChildMessage, { type: 'ready' }>>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`${options.label} not ready after ${options.timeoutMs / 1000} s`)), options.timeoutMs);
      child.on('message', (message: ChildMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timeout);
          resolve(message);
        } else if (message.type === 'failed') {
          clearTimeout(timeout);
          reject(new Error(`${options.label} failed to start: ${message.error}`));
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timeout);
        reject(new Error(`${options.label} exited (${signal ?? code}) before it was ready:\n${stderr}`));
      });
    });
    return {
      pid: child.pid!,
      ready,
      request: <T>(type: ChildRequest['type'], extra: { reset?: boolean; enabled?: boolean } = {}) =>
        new Promise<T>((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          child.send({ type, id, ...extra } satisfies ChildRequest);
        }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Bench children a suite forks with one environment and log; `stopAll` stops whatever is still running. */
export function benchChildren(env: NodeJS.ProcessEnv, log: (line: string) => void) {
  const running = new Set<BenchChild>();
  return {
    async fork(script: string, label: string, args: string[], extraEnv: NodeJS.ProcessEnv, timeoutMs: number, verbose = false): Promise<BenchChild> {
      const child = await forkBenchChild({ script, args, env: { ...env, ...extraEnv }, label, log, verbose, timeoutMs });
      running.add(child);
      return child;
    },
    async stop(child: BenchChild): Promise<void> {
      running.delete(child);
      await child.stop();
    },
    async stopAll(): Promise<void> {
      await Promise.all([...running].map((child) => child.stop().catch(() => {})));
      running.clear();
    },
  };
}

/**
 * The child's side: answers `stats` (CPU and memory of this process) and `stop`, and exits
 * when the suite goes away (IPC disconnected). `handle` answers other requests.
 */
export function serveBenchParent(options: {
  stop: () => Promise<void>;
  handle?: (request: ChildRequest) => unknown;
}): { ready(message: Omit<Extract<ChildMessage, { type: 'ready' }>, 'type'>): void; failed(error: unknown): void } {
  let requests = 0;
  subscribe('http.server.request.start', () => {
    requests++;
  });
  const kernelPeak = resetKernelPeak();
  let peak = process.memoryUsage.rss();
  // Only where the kernel does not keep the peak: sampling costs CPU that would be counted.
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  if (kernelPeak) clearInterval(sampler);
  sampler.unref();
  let stopping: Promise<void> | undefined;
  const shutdown = () => {
    stopping ??= options
      .stop()
      .catch((error) => {
        process.stderr.write(`stop failed: ${(error as Error).stack}\n`);
      })
      .finally(() => {
        clearInterval(sampler);
        process.exit(0);
      });
    return stopping;
  };
  process.on('message', (request: ChildRequest) => {
    if (request.type === 'stop') {
      void shutdown();
      return;
    }
    let body: unknown;
    if (request.type === 'stats') {
      const cpu = process.cpuUsage();
      peak = Math.max(peak, process.memoryUsage.rss());
      const stats: ProcessStats = {
        cpuMicros: cpu.user + cpu.system,
        peakRss: (kernelPeak ? readKernelPeak() : undefined) ?? peak,
        maxRss: process.resourceUsage().maxRSS * 1024,
        requests,
      };
      body = stats;
      if (request.reset) {
        peak = process.memoryUsage.rss();
        if (kernelPeak) resetKernelPeak();
      }
    } else {
      body = options.handle?.(request);
    }
    process.send!({ type: 'reply', id: request.id, body } satisfies ChildMessage);
  });
  process.on('disconnect', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  return {
    ready: (message) => process.send!({ type: 'ready', ...message } satisfies ChildMessage),
    failed: (error) => {
      process.send!({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ChildMessage, () => process.exit(1));
    },
  };
}

/**
 * Waits until the children are idle (under 10% of a core each over 100 ms), at most `maxMs`:
 * requests a load generator gave up on at the end of a run are still being worked on.
 */
export async function settle(children: readonly BenchChild[], maxMs = 10_000): Promise<void> {
  const cpu = async () => Promise.all(children.map(async (child) => (await child.request<ProcessStats>('stats')).cpuMicros));
  let last = await cpu();
  const started = performance.now();
  while (performance.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await cpu();
    const busy = now.some((micros, i) => micros - last[i] > 10_000);
    last = now;
    if (!busy) return;
  }
}

/** Linux: resets this process's peak RSS (VmHWM) to its current RSS; false where that is not possible. */
function resetKernelPeak(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return readKernelPeak() !== undefined;
  } catch {
    return false;
  }
}

function readKernelPeak(): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
