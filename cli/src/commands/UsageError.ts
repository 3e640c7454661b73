/** A command line the command cannot run: `main.ts` prints the message and the command's help, exit 2. */
export class UsageError extends Error {}
