/**
 * Runs `work` over `items` with at most `limit` in flight, keeping results in input order. A failure of one
 * item is the item's business (`work` returns outcomes, it does not throw for per-item problems); an
 * unexpected throw still stops the run, since it means a bug rather than a service answer.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
