import * as path from 'node:path';

/** The repository root: cli/dist/… → two levels up. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
