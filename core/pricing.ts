/** Model page: "Each image generation costs $0.077 at 1024x1024"; every preset is a 1K size. */
export const PRICE_PER_IMAGE_USD = 0.077;

export function estimateCostUsd(images: number): number {
  return roundCents(PRICE_PER_IMAGE_USD * images);
}

/** Sub-cent precision matters here ($0.077), so keep three decimals. */
export function roundCents(usd: number): number {
  return Math.round(usd * 1000) / 1000;
}
