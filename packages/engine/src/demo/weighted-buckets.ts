/**
 * Turns a weighted choice into a lookup of `buckets` equal slots, so that SQL
 * picks an entry with an equality join on floor(u × buckets) instead of a
 * range join: a hash join stays fast at a million customers. Slot b holds the
 * entry whose cumulative share covers (b + ½) / buckets, so shares resolve to
 * 1 / buckets.
 */
export function weightedBuckets<T>(entries: readonly { readonly value: T; readonly weight: number }[], buckets = 1000): T[] {
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  if (!(total > 0)) throw new Error('weights must sum to more than 0');
  const slots: T[] = [];
  let index = 0;
  let upper = (entries[0]?.weight ?? 0) / total;
  for (let bucket = 0; bucket < buckets; bucket += 1) {
    const middle = (bucket + 0.5) / buckets;
    while (middle > upper && index < entries.length - 1) {
      index += 1;
      upper += (entries[index]?.weight ?? 0) / total;
    }
    const entry = entries[index];
    if (entry === undefined) throw new Error('no entries');
    slots.push(entry.value);
  }
  return slots;
}
