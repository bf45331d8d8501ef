/**
 * Delay before the next getResponse poll, by how long the run has been waiting. Riverflow
 * usually finishes within two minutes, so polls come every 750 ms while a result is likely
 * and back off only after: 2 s to 5 minutes, then 5 s. One poll asks for every open task of
 * a run, so a run of 20 variations makes one request where per-task polling would make 20.
 * Runware's polling page suggests starting at 1–2 s; 750 ms is what keeps a result's wait
 * under a second at the 95th percentile (npm run bench: ready→placed).
 */
export const POLL_EVERY_MS = 750;

export function pollDelayMs(elapsedMs: number): number {
  if (elapsedMs < 180_000) return POLL_EVERY_MS;
  if (elapsedMs < 300_000) return 2000;
  return 5000;
}

/** Resubmission delays after "not accepted" (429/503): exponential with full jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(8000, 500 * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
