import DataLoader from 'dataloader';

export interface BatchLoaderOptions<K, V, C> {
  /** Fetches every row for the given keys in one round trip (one SQL statement). */
  fetch: (keys: readonly K[]) => Promise<readonly V[]>;
  /** The cache key of a fetched row: rows are matched back to the keys that asked for them. */
  keyOfRow: (row: V) => C;
  /** The cache key of a requested key; defaults to the key itself. */
  cacheKey?: (key: K) => C;
  /** Upper bound of keys in one batch; larger batches are split. */
  maxBatchSize?: number;
}

function validate<K, V, C>(loaderKind: string, options: BatchLoaderOptions<K, V, C>): void {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${loaderKind}: options must be an object, got ${options === null ? 'null' : typeof options}`);
  }
  if (typeof options.fetch !== 'function') {
    throw new TypeError(`${loaderKind}: options.fetch must be a function, got ${typeof options.fetch}`);
  }
  if (typeof options.keyOfRow !== 'function') {
    throw new TypeError(`${loaderKind}: options.keyOfRow must be a function, got ${typeof options.keyOfRow}`);
  }
  if (options.cacheKey !== undefined && typeof options.cacheKey !== 'function') {
    throw new TypeError(`${loaderKind}: options.cacheKey must be a function, got ${typeof options.cacheKey}`);
  }
  const max = options.maxBatchSize;
  if (max !== undefined && !(Number.isInteger(max) && max >= 1)) {
    throw new TypeError(`${loaderKind}: options.maxBatchSize must be a positive integer, got ${String(max)}`);
  }
}

function groupRows<K, V, C>(options: BatchLoaderOptions<K, V, C>, rows: readonly V[]): Map<C, V[]> {
  const grouped = new Map<C, V[]>();
  for (const row of rows) {
    const key = options.keyOfRow(row);
    const bucket = grouped.get(key);
    if (bucket) bucket.push(row);
    else grouped.set(key, [row]);
  }
  return grouped;
}

function dataLoaderOptions<K, V, C>(options: BatchLoaderOptions<K, V, C>) {
  return {
    cacheKeyFn: options.cacheKey,
    maxBatchSize: options.maxBatchSize,
  } as DataLoader.Options<K, V, C>;
}

/**
 * A loader for at most one row per key: `load(key)` gives the row or null.
 * The batch answers in key order and with one entry per key, as DataLoader requires.
 */
export function createOneLoader<K, V, C = K>(options: BatchLoaderOptions<K, V, C>): DataLoader<K, V | null, C> {
  validate('createOneLoader', options);
  const cacheKey = options.cacheKey ?? ((key: K) => key as unknown as C);
  return new DataLoader<K, V | null, C>(async (keys) => {
    const grouped = groupRows(options, await options.fetch(keys));
    return keys.map((key) => grouped.get(cacheKey(key))?.[0] ?? null);
  }, dataLoaderOptions(options) as DataLoader.Options<K, V | null, C>);
}

/** A loader for any number of rows per key: `load(key)` gives an array, empty when none. */
export function createManyLoader<K, V, C = K>(options: BatchLoaderOptions<K, V, C>): DataLoader<K, V[], C> {
  validate('createManyLoader', options);
  const cacheKey = options.cacheKey ?? ((key: K) => key as unknown as C);
  return new DataLoader<K, V[], C>(async (keys) => {
    const grouped = groupRows(options, await options.fetch(keys));
    return keys.map((key) => grouped.get(cacheKey(key)) ?? []);
  }, dataLoaderOptions(options) as DataLoader.Options<K, V[], C>);
}
