/**
 * Forms repeat the same few hundred strings (labels, 满意, 100%, 15) thousands of times on a large sheet;
 * remembering what a pure function of one string returned keeps the parsers off the hot path. Bounded:
 * past `limit` entries the cache starts over, so memory stays flat. Results are shared between callers,
 * who must not mutate them.
 */
export function memoizeString<R>(fn: (s: string) => R, limit = 20000): (s: string) => R {
  let cache = new Map<string, R>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as R;
    const r = fn(s);
    if (cache.size >= limit) cache = new Map();
    cache.set(s, r);
    return r;
  };
}
