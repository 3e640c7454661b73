import { ResponseCache } from '@cswb/subgraph-kit/cache';

function entry(dataVersion: string, bytes: number, marker: string) {
  return { dataVersion, result: { data: { marker } }, reads: [{ coordinate: 'PoliceProfile.indicators', args: { areaId: marker }, rows: 1 }], bytes };
}

describe('ResponseCache', () => {
  it('validates its options up front', () => {
    expect(() => new ResponseCache({ maxBytes: 0, ttlMs: 1000 })).toThrow('maxBytes must be a positive integer, got 0');
    expect(() => new ResponseCache({ maxBytes: 100, ttlMs: 1.5 })).toThrow('ttlMs must be a positive integer, got 1.5');
  });

  it('serves an entry only at the data version it was computed at', () => {
    const cache = new ResponseCache({ maxBytes: 1000, ttlMs: 1000 });
    cache.set('k', entry('7', 10, 'a'));
    expect(cache.get('k', '8')).toBeUndefined();
    // Once the version has moved the entry is gone, even if asked at its own version again.
    expect(cache.get('k', '7')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stops serving an entry at its time to live', () => {
    let now = 0;
    const cache = new ResponseCache({ maxBytes: 1000, ttlMs: 1000, now: () => now });
    cache.set('k', entry('1', 10, 'a'));
    now = 999;
    expect(cache.get('k', '1')?.result).toEqual({ data: { marker: 'a' } });
    now = 1000;
    expect(cache.get('k', '1')).toBeUndefined();
  });

  it('drops the least recently used entries beyond its byte budget, and never keeps an entry larger than it', () => {
    const cache = new ResponseCache({ maxBytes: 100, ttlMs: 1000 });
    cache.set('a', entry('1', 40, 'a'));
    cache.set('b', entry('1', 40, 'b'));
    expect(cache.get('a', '1')).toBeDefined();
    cache.set('c', entry('1', 40, 'c'));
    expect([cache.get('a', '1') !== undefined, cache.get('b', '1') !== undefined, cache.get('c', '1') !== undefined]).toEqual([true, false, true]);
    expect(cache.storedBytes).toBe(80);
    cache.set('huge', entry('1', 101, 'huge'));
    expect(cache.get('huge', '1')).toBeUndefined();
    expect(cache.storedBytes).toBe(80);
  });

  it('keeps answers frozen, so no later request can change what another is served', () => {
    const cache = new ResponseCache({ maxBytes: 1000, ttlMs: 1000 });
    cache.set('k', entry('1', 10, 'a'));
    const served = cache.get('k', '1')!;
    expect(() => {
      (served.result.data as { marker: string }).marker = 'changed';
    }).toThrow(TypeError);
    expect(() => (served.reads as unknown[]).push({})).toThrow(TypeError);
  });
});
