import { REFERENCE_MAX_SIDE } from './exportSize.ts';
import { FIGMA_MAX_IMAGE_SIDE } from './imageInfo.ts';
import { UPSCALE_FACTORS } from './runware/tasks.ts';

/**
 * The image Clarity starts from: a result's own image on Runware as it is, or, for a composite
 * that must be uploaded first, the upload as Runware keeps it (≤ 2048 px on the long side).
 */
export function upscaleInput(result: { imageUUID?: string; width: number; height: number }): { width: number; height: number } {
  if (result.imageUUID) return { width: result.width, height: result.height };
  const k = Math.min(1, REFERENCE_MAX_SIDE / Math.max(result.width, result.height));
  return { width: Math.round(result.width * k), height: Math.round(result.height * k) };
}

/**
 * The factors whose upscaled image stays within Figma's 4096 px per side, below any factor
 * Runware has refused (one refused, the larger ones are not tried either).
 */
export function upscaleFactors(result: { imageUUID?: string; width: number; height: number }, refused: readonly number[] = []): number[] {
  const input = upscaleInput(result);
  const below = Math.min(Infinity, ...refused);
  return UPSCALE_FACTORS.filter((f) => f < below && Math.max(input.width, input.height) * f <= FIGMA_MAX_IMAGE_SIDE);
}
