/**
 * Delay before the next getResponse poll, by how long the run has been waiting. Riverflow
 * usually finishes within two minutes, so polls stay at 1 s (Runware's polling page starts
 * at 1–2 s) while a result is likely, and back off only after: 2 s to 5 minutes, then 5 s.
 * A result is thus on the canvas within about a second of Runware having it.
 */
export function pollDelayMs(elapsedMs: number): number {
  if (elapsedMs < 180_000) return 1000;
  if (elapsedMs < 300_000) return 2000;
  return 5000;
}

/** Resubmission delays after "not accepted" (429/503): exponential with full jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(8000, 500 * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
