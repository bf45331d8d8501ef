/**
 * Runs `worker` over `items` with at most `limit` in flight, in order of start.
 * A failing item does not stop the others: each worker handles its own errors.
 */
export async function runPool<T>(items: readonly T[], limit: number, worker: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      await worker(items[index]!, index);
    }
  });
  await Promise.all(lanes);
}

/** Batch runs keep 2–4 requests in flight: enough to overlap waits, not enough to trip rate limits. */
export const BATCH_CONCURRENCY = 3;
