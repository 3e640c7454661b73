import { ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';
import { GatewayNotStarted } from './GatewayNotStarted';
import type { FromGatewayChild, ToGatewayChild } from './gatewayChildMessages';

const CHILD_SCRIPT = path.join(__dirname, 'gatewayChild.js');

export interface GatewayReady {
  url: string;
  webAppUrl?: string;
}

/**
 * The parent's handle on the gateway process of `cswb start` (cli/src/gatewayChild.ts): forked
 * with the parent's stdout and stderr and the environment it is given, started in front of the
 * subgraphs once they listen, stopped gracefully (SIGKILL after a deadline).
 */
export class GatewayProcess {
  /** How it exited: `code 1`, `signal SIGKILL`. */
  readonly exited: Promise<string>;
  /** Resolves with how it exited when it exits without `stop` having been called; never otherwise. */
  readonly lost: Promise<string>;
  private stopping = false;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`)));
    this.lost = this.exited.then((how) => (this.stopping ? new Promise<string>(() => {}) : how));
  }

  /** Forks it now: it loads the gateway's modules while the parent starts the subgraphs. */
  static fork(env: NodeJS.ProcessEnv): GatewayProcess {
    return new GatewayProcess(fork(CHILD_SCRIPT, [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Asks it to listen in front of these subgraphs; rejects with GatewayNotStarted if it fails or exits first. */
  start(subgraphUrls: Record<string, string>): Promise<GatewayReady> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: FromGatewayChild) => {
        if (message.type === 'ready') resolve({ url: message.url, webAppUrl: message.webAppUrl });
        else if (message.type === 'failed') reject(new GatewayNotStarted('the gateway could not start', true));
      };
      this.child.on('message', onMessage);
      void this.exited.then((how) => reject(new GatewayNotStarted(`the gateway process ${this.pid} exited (${how}) before it was ready`, false)));
      this.send({ type: 'start', subgraphUrls });
    });
  }

  /** Asks it to stop gracefully; kills it if it has not exited within `deadlineMs`. Resolves once it has exited. */
  async stop(deadlineMs: number): Promise<void> {
    this.stopping = true;
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), deadlineMs);
    await this.exited;
    clearTimeout(timer);
  }

  private send(message: ToGatewayChild): void {
    if (this.child.connected) this.child.send(message);
  }
}
