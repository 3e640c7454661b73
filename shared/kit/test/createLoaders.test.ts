import { createManyLoader, createOneLoader, LoaderRegistry } from '@cswb/subgraph-kit/loaders';

describe('createOneLoader', () => {
  it('batches keys into one fetch and answers in key order, null for missing keys', async () => {
    const fetches: (readonly string[])[] = [];
    const loader = createOneLoader<string, { id: string }>({
      fetch: async (keys) => {
        fetches.push(keys);
        return keys.filter((k) => k !== 'missing').map((id) => ({ id })).reverse();
      },
      keyOfRow: (row) => row.id,
    });
    const results = await Promise.all(['b', 'missing', 'a', 'b'].map((k) => loader.load(k)));
    expect(results).toEqual([{ id: 'b' }, null, { id: 'a' }, { id: 'b' }]);
    expect(fetches).toEqual([['b', 'missing', 'a']]);
  });

  it('splits batches at maxBatchSize', async () => {
    const sizes: number[] = [];
    const loader = createOneLoader<number, number>({
      fetch: async (keys) => {
        sizes.push(keys.length);
        return keys;
      },
      keyOfRow: (n) => n,
      maxBatchSize: 2,
    });
    await loader.loadMany([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
  });

  const one = (): number => 1;
  it.each<[unknown, string]>([
    [null, 'createOneLoader: options must be an object, got null'],
    [{ keyOfRow: one }, 'createOneLoader: options.fetch must be a function, got undefined'],
    [{ fetch: async () => [] }, 'createOneLoader: options.keyOfRow must be a function, got undefined'],
    [{ fetch: async () => [], keyOfRow: one, cacheKey: 'id' }, 'createOneLoader: options.cacheKey must be a function, got string'],
    [{ fetch: async () => [], keyOfRow: one, maxBatchSize: 0 }, 'createOneLoader: options.maxBatchSize must be a positive integer, got 0'],
    [{ fetch: async () => [], keyOfRow: one, maxBatchSize: 2.5 }, 'createOneLoader: options.maxBatchSize must be a positive integer, got 2.5'],
  ])('validates its options up front: %p', (options, message) => {
    expect(() => createOneLoader(options as never)).toThrow(new TypeError(message));
  });
});

describe('createManyLoader', () => {
  it('groups rows per key, keeps key order and length, and gives [] for keys with no rows', async () => {
    const loader = createManyLoader<string, { parent: string; id: number }, string>({
      fetch: async () => [
        { parent: 'x', id: 1 },
        { parent: 'y', id: 2 },
        { parent: 'x', id: 3 },
      ],
      keyOfRow: (row) => row.parent,
    });
    expect(await loader.loadMany(['y', 'z', 'x'])).toEqual([[{ parent: 'y', id: 2 }], [], [{ parent: 'x', id: 1 }, { parent: 'x', id: 3 }]]);
  });

  it('uses cacheKey to match object keys to rows', async () => {
    const loader = createManyLoader<{ id: string }, { owner: string }, string>({
      fetch: async (keys) => keys.map((k) => ({ owner: k.id })),
      keyOfRow: (row) => row.owner,
      cacheKey: (key) => key.id,
    });
    expect(await loader.load({ id: 'q' })).toEqual([{ owner: 'q' }]);
  });

  it('names itself in option errors', () => {
    expect(() => createManyLoader({} as never)).toThrow('createManyLoader: options.fetch must be a function, got undefined');
  });
});

describe('LoaderRegistry', () => {
  it('gives the same loader for the same name and arguments, a new one otherwise', () => {
    const registry = new LoaderRegistry();
    let created = 0;
    const make = () => ({ n: ++created });
    const first = registry.get('counts', { from: '2024-01-01' }, make);
    expect(registry.get('counts', { from: '2024-01-01' }, make)).toBe(first);
    expect(registry.get('counts', { from: '2023-01-01' }, make)).not.toBe(first);
    expect(registry.get('other', { from: '2024-01-01' }, make)).not.toBe(first);
    expect(created).toBe(3);
  });
});
