/** Exit codes of `cswb import` scripts can rely on. */
export const IMPORT_EXIT = { imported: 0, invalid: 1, usage: 2, database: 3 } as const;
