import { formatUsd } from './format.ts';
import { estimateUsd, pricePerImage, publishedPrices, type RiverflowModel } from './models.ts';
import type { Thinking } from './outputOptions.ts';
import type { SizePreset } from './sizes.ts';

/** Above this estimate a run asks first (Advanced, remembered per user). */
export const DEFAULT_CONFIRM_ABOVE_USD = 5;
export const MAX_CONFIRM_ABOVE_USD = 1000;
/** Runware's published example for one Clarity upscale. */
export const UPSCALE_ESTIMATE_USD = 0.004;

/** What a run would cost before it is sent: the estimate, or (no published price) the least it can cost. */
export interface SpendQuote {
  readonly usd: number;
  /** False where the page publishes no price: `usd` is then a floor (the model's cheapest published price per image). */
  readonly exact: boolean;
  /** The estimate in words, for the confirmation: "20 images × $0.025 on Riverflow 2.5 Fast". */
  readonly detail: string;
}

export function quoteRun(model: RiverflowModel, size: SizePreset, images: number, thinking?: Thinking): SpendQuote {
  const images_ = `${images} image${images === 1 ? '' : 's'}`;
  const usd = estimateUsd(model, size, images, thinking);
  if (usd !== undefined) return { usd, exact: true, detail: `${images_} × ${formatUsd(pricePerImage(model, size, thinking)!)} on ${model.name}` };
  const floor = Math.min(...publishedPrices(model));
  return {
    usd: Math.round(floor * images * 10_000) / 10_000,
    exact: false,
    detail: `${images_} on ${model.name} at ${size.tier}, whose price is not published: at least ${formatUsd(floor)} each`,
  };
}

/** Whether the designer is asked before this is sent: only above the threshold (a threshold of 0 asks for anything paid). */
export function asksFirst(quote: SpendQuote, thresholdUsd: number | undefined): boolean {
  return quote.usd > (thresholdUsd ?? DEFAULT_CONFIRM_ABOVE_USD);
}

/** The confirmation button: the amount the designer agrees to. */
export function spendLabel(quote: SpendQuote): string {
  return `Spend ${quote.exact ? '' : 'at least '}${formatUsd(quote.usd)}`;
}
