/** How numbers read in the panel and in notifications: one module, used everywhere. */

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Sub-cent prices matter here ($0.077, $0.0302): up to four decimals, at least two. */
export function formatUsd(usd: number): string {
  return `$${usd
    .toFixed(4)
    .replace(/(\.\d\d\d?)0+$/, '$1')
    .replace(/(\.\d\d)0$/, '$1')}`;
}

/** Where a model's page publishes no price (2.5 Fast at 2K): said, never guessed. */
export const PRICE_NOT_PUBLISHED = 'price not published; the actual cost is shown after';

/** One image's estimate in a sentence: its price, or that none is published. */
export function estimateText(usd: number | undefined): string {
  return usd === undefined ? PRICE_NOT_PUBLISHED : `${formatUsd(usd)} for 1 image; the exact cost is shown after`;
}

export function formatSize(width: number, height: number): string {
  return `${Math.round(width)}×${Math.round(height)}`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A reason as a sentence: ends with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  return /[.!?…)]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
