/**
 * A Map that forgets everything once it holds `limit` entries: the caches of what a
 * dataset repeats (its handful of tool lists, the call texts of a dialogue) stay flat in
 * memory however long the stream, and a miss only costs the work the cache saves.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) this.clear();
    return super.set(key, value);
  }
}
