import type { Rect } from '../rect.ts';
import { matchPreset, SIZE_PRESETS, type SizePreset, type Tier } from '../sizes.ts';
import { FIGMA_MAX_IMAGE_SIDE } from '../imageInfo.ts';

/** Context sent around an area, as a share of the area's own size on each side. */
export const AREA_MARGIN = 0.25;
/** Default soft edge, as a percentage of the area's short side. */
export const DEFAULT_FEATHER_PERCENT = 3;
export const MAX_FEATHER_PERCENT = 20;
/** A composite never carries more than twice the frame's own pixels: beyond that only bytes grow. */
export const MAX_COMPOSITE_SCALE = 2;

/** The part of `rect` inside a `width`×`height` frame (origin top-left). */
export function clampToFrame(rect: Rect, frame: { width: number; height: number }): Rect {
  const x = Math.max(0, Math.min(frame.width, rect.x));
  const y = Math.max(0, Math.min(frame.height, rect.y));
  const right = Math.max(x, Math.min(frame.width, rect.x + rect.width));
  const bottom = Math.max(y, Math.min(frame.height, rect.y + rect.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** One side of the crop grown to `length`, centred on the old span and shifted to stay in [0, limit]. */
function span(start: number, size: number, length: number, limit: number): [number, number] {
  const wanted = Math.min(limit, Math.max(size, length));
  const centre = start + size / 2;
  const from = Math.max(0, Math.min(limit - wanted, centre - wanted / 2));
  return [from, wanted];
}

/**
 * What is sent for "Edit only this area": the area with a quarter of its size around it on
 * each side (where the frame allows), then widened or heightened towards the ratio of the
 * nearest of the model's sizes (at its tier), so the model's picture maps back onto the crop unstretched
 * wherever the frame leaves room. Coordinates are the frame's, origin at its top left.
 */
export function planAreaCrop(
  area: Rect,
  frame: { width: number; height: number },
  sizes: readonly SizePreset[] = SIZE_PRESETS,
  tier?: Tier,
): { area: Rect; crop: Rect; preset: SizePreset } {
  const inside = clampToFrame(area, frame);
  const grown = clampToFrame(
    {
      x: inside.x - inside.width * AREA_MARGIN,
      y: inside.y - inside.height * AREA_MARGIN,
      width: inside.width * (1 + 2 * AREA_MARGIN),
      height: inside.height * (1 + 2 * AREA_MARGIN),
    },
    frame,
  );
  const preset = matchPreset(grown.width, grown.height, sizes, tier);
  const ratio = preset.width / preset.height;
  let [x, width] = [grown.x, grown.width];
  let [y, height] = [grown.y, grown.height];
  if (width / height < ratio) [x, width] = span(x, width, height * ratio, frame.width);
  else [y, height] = span(y, height, width / ratio, frame.height);
  return { area: inside, crop: { x, y, width, height }, preset };
}

/**
 * Pixels per frame unit of the composite: the model's own detail in the crop, at least the
 * frame's size and at most twice it, and never past Figma's 4096 px per side (then below 1,
 * which the panel reports as scaled down).
 */
export function compositeScale(
  crop: { width: number; height: number },
  preset: { width: number; height: number },
  frame: { width: number; height: number },
): number {
  const model = Math.max(preset.width / crop.width, preset.height / crop.height);
  const wanted = Math.min(MAX_COMPOSITE_SCALE, Math.max(1, model));
  return Math.min(wanted, FIGMA_MAX_IMAGE_SIDE / Math.max(frame.width, frame.height));
}

/** The composite's pixel size for a frame at `scale`: what Figma will accept. */
export function compositeSize(frame: { width: number; height: number }, scale: number): { width: number; height: number } {
  const side = (n: number) => Math.min(FIGMA_MAX_IMAGE_SIDE, Math.max(1, Math.round(n * scale)));
  return { width: side(frame.width), height: side(frame.height) };
}

/** The soft edge's width in composite pixels: a percentage of the area's short side. */
export function featherWidth(area: { width: number; height: number }, percent: number, scale: number): number {
  return Math.max(0, (Math.min(area.width, area.height) * percent * scale) / 100);
}
