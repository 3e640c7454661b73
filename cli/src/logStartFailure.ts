import { describeError, type Logger } from '@cswb/contract/logging';

/** Why `cswb start` could not start: a taken port in one line naming it; anything else with its class, code and stack frames. */
export function logStartFailure(logger: Logger, error: unknown): void {
  const { code, address, port } = (error ?? {}) as NodeJS.ErrnoException & { address?: string; port?: number };
  if (code === 'EADDRINUSE') {
    logger.error(
      { address, port },
      `cswb start: ${address}:${port} is already in use (another hub running?); choose other ports with PORT and <SUBGRAPH>_PORT, e.g. HEALTH_PORT=0 for any free one`,
    );
  } else {
    logger.error({ error: { ...describeError(error), message: (error as Error)?.message } }, 'cswb start: the hub could not start');
  }
}
