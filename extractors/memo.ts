/**
 * A function of a string, remembered per thread. Labels, headings and their pieces repeat within and
 * across reports, and folding them is costly string work; the cache is emptied when it reaches `max`
 * entries, so a long run's memory stays flat.
 * Here, beside the readers, because it depends on nothing: extraction, the stages and the loader
 * (store/documents.ts) all use it, and extractors/ is the one room every one of them may import.
 */
export function memoByString<T>(fn: (s: string) => T, max: number): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= max) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}
