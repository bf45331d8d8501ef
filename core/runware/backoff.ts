/** Poll delays for getResponse: 1 s, growing ×1.5, capped at 10 s. */
export function pollDelayMs(attempt: number): number {
  return Math.min(10_000, Math.round(1000 * 1.5 ** attempt));
}

/** Resubmission delays after "not accepted" (429/503): exponential with full jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(8000, 500 * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
