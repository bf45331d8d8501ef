import type { Rect } from '../rect.ts';
import { matchPreset, type SizePreset, type Tier } from '../sizes.ts';
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

/** The area inside the frame, and with a quarter of its size around it on each side (where the frame allows). */
function withMargin(area: Rect, frame: { width: number; height: number }): { inside: Rect; grown: Rect } {
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
  return { inside, grown };
}

/**
 * The crop sent for an area edit at `size` (the model's size the panel chose): the area with its
 * margin, widened or heightened to exactly the size's ratio wherever the frame leaves room, so the
 * model's picture maps back onto the crop unstretched. The one crop rule: the panel plans with it
 * and the main thread crops with it. Coordinates are the frame's, origin at its top left.
 */
export function cropForSize(area: Rect, frame: { width: number; height: number }, size: { width: number; height: number }): { area: Rect; crop: Rect } {
  const { inside, grown } = withMargin(area, frame);
  const ratio = size.width / size.height;
  let [x, width] = [grown.x, grown.width];
  let [y, height] = [grown.y, grown.height];
  if (width / height < ratio) [x, width] = span(x, width, height * ratio, frame.width);
  else [y, height] = span(y, height, width / ratio, frame.height);
  return { area: inside, crop: { x, y, width, height } };
}

/** The panel's plan for "Edit only this area": the nearest of the model's sizes (at its tier) to the area with its margin, and the crop at that size. */
export function planAreaCrop(
  area: Rect,
  frame: { width: number; height: number },
  sizes: readonly SizePreset[],
  tier?: Tier,
): { area: Rect; crop: Rect; preset: SizePreset } {
  const { grown } = withMargin(area, frame);
  const preset = matchPreset(grown.width, grown.height, sizes, tier);
  return { ...cropForSize(area, frame, preset), preset };
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
