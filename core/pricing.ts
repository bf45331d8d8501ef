/** Costs add up in four decimals: 1.1 Mini's per-megapixel price and Runware's `cost` go below a cent. */
export function roundUsd(usd: number): number {
  return Math.round(usd * 10_000) / 10_000;
}
