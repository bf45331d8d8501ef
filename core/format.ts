/** How numbers read in the panel and in notifications: one module, used everywhere. */

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Sub-cent prices matter here ($0.077): three decimals, a trailing zero dropped. */
export function formatUsd(usd: number): string {
  return `$${usd.toFixed(3).replace(/0$/, '')}`;
}

export function formatSize(width: number, height: number): string {
  return `${Math.round(width)}×${Math.round(height)}`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
