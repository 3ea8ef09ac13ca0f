import { LruMap } from '../../src/common/lru-map';
import { SearchCache } from '../../src/search/search-cache';

describe('SearchCache', () => {
  const counting = () => {
    let calls = 0;
    const compute = (value: string) => () => {
      calls += 1;
      return Promise.resolve(value);
    };
    return { compute, calls: () => calls };
  };

  it('computes a key once per version', async () => {
    const cache = new SearchCache(10);
    const c = counting();
    expect(await cache.get('v1', 'k', c.compute('a'))).toBe('a');
    expect(await cache.get('v1', 'k', c.compute('b'))).toBe('a');
    expect(c.calls()).toBe(1);
    expect(await cache.get('v2', 'k', c.compute('c'))).toBe('c');
    expect(c.calls()).toBe(2);
  });

  it('forgets every entry of an older version when a new one is seen', async () => {
    const cache = new SearchCache(10);
    const c = counting();
    await cache.get('v1', 'a', c.compute('a'));
    await cache.get('v1', 'b', c.compute('b'));
    await cache.get('v2', 'a', c.compute('a2'));
    expect(cache.size).toBe(1);
    expect(await cache.get('v1', 'b', c.compute('b2'))).toBe('b2');
  });

  it('drops the least recently used entry beyond its capacity', async () => {
    const cache = new SearchCache(2);
    const c = counting();
    await cache.get('v', 'a', c.compute('a'));
    await cache.get('v', 'b', c.compute('b'));
    await cache.get('v', 'a', c.compute('x')); // a is now the most recently used
    await cache.get('v', 'c', c.compute('c')); // b goes
    expect(cache.size).toBe(2);
    expect(await cache.get('v', 'a', c.compute('a2'))).toBe('a');
    expect(await cache.get('v', 'b', c.compute('b2'))).toBe('b2');
  });

  it('shares one computation between concurrent asks for the same key', async () => {
    const cache = new SearchCache(10);
    let release: (v: string) => void = () => undefined;
    let calls = 0;
    const slow = () => {
      calls += 1;
      return new Promise<string>((ok) => (release = ok));
    };
    const both = Promise.all([cache.get('v', 'k', slow), cache.get('v', 'k', slow)]);
    release('done');
    expect(await both).toEqual(['done', 'done']);
    expect(calls).toBe(1);
  });

  it('keeps no failure: the next ask computes again', async () => {
    const cache = new SearchCache(10);
    await expect(cache.get('v', 'k', () => Promise.reject(new Error('database away')))).rejects.toThrow('away');
    expect(await cache.get('v', 'k', () => Promise.resolve('back'))).toBe('back');
  });

  it('shows a computed value with the version it belongs to, and nothing of one still computing', async () => {
    const cache = new SearchCache(10);
    expect(cache.peek('k')).toBeUndefined();
    let release: (v: string) => void = () => undefined;
    const pending = cache.get('v1', 'k', () => new Promise<string>((ok) => (release = ok)));
    expect(cache.peek('k')).toBeUndefined();
    release('a');
    await pending;
    expect(cache.peek('k')).toEqual({ version: 'v1', value: 'a' });
    await cache.get('v2', 'other', () => Promise.resolve('b'));
    expect(cache.peek('k')).toBeUndefined();
    expect(cache.peek('other')).toEqual({ version: 'v2', value: 'b' });
  });

  it('keeps nothing with capacity 0', async () => {
    const cache = new SearchCache(0);
    const c = counting();
    await cache.get('v', 'k', c.compute('a'));
    await cache.get('v', 'k', c.compute('a'));
    expect(c.calls()).toBe(2);
    expect(cache.size).toBe(0);
  });
});

describe('LruMap', () => {
  it('keeps the most recently used entries up to its capacity', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    expect(m.get('a')).toBe(1); // a is now the most recently used
    m.set('c', 3); // b goes
    expect([m.get('a'), m.get('b'), m.get('c')]).toEqual([1, undefined, 3]);
    m.set('a', 4);
    expect(m.get('a')).toBe(4);
    expect(m.size).toBe(2);
  });

  it('keeps nothing with capacity 0', () => {
    const m = new LruMap<string, number>(0);
    m.set('a', 1);
    expect(m.get('a')).toBeUndefined();
  });
});
