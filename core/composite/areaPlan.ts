import { intersection, type Rect } from '../rect.ts';
import { matchPreset, type SizePreset, type Tier } from '../sizes.ts';
import { MAX_TILED_SIDE } from '../tiles.ts';

/** Context sent around an area, as a share of the area's own size on each side. */
export const AREA_MARGIN = 0.25;
/** Default soft edge, as a percentage of the area's short side. */
export const DEFAULT_FEATHER_PERCENT = 3;
export const MAX_FEATHER_PERCENT = 20;
/** An area's composite carries at most twice the frame's own detail: beyond that only bytes grow. */
export const MAX_COMPOSITE_SCALE = 2;
/** Past 1×, a composite has at most a 4K final's pixels (2.0 Pro's 4608×3456), whatever the crop's detail. */
export const MAX_COMPOSITE_PIXELS = 4608 * 3456;

/** The part of `rect` inside a `width`×`height` frame (origin top-left). */
export function clampToFrame(rect: Rect, frame: { width: number; height: number }): Rect {
  const x = Math.max(0, Math.min(frame.width, rect.x));
  const y = Math.max(0, Math.min(frame.height, rect.y));
  const right = Math.max(x, Math.min(frame.width, rect.x + rect.width));
  const bottom = Math.max(y, Math.min(frame.height, rect.y + rect.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** A span of `length` centred on `centre`, shifted to stay in [0, limit]. */
function place(centre: number, length: number, limit: number): number {
  return Math.max(0, Math.min(limit - length, centre - length / 2));
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
 * The crop sent for an area edit at `size` (the model's size the panel chose): the smallest box of
 * exactly the size's ratio around the area with its margin, so the model's picture maps back onto
 * the crop unstretched. Where the frame is too narrow or short for that box, the other side gives
 * way (margin first, centred on the area) rather than the ratio, and the area edited is what of the
 * marked area the crop holds. The one crop rule: the panel plans with it and the main thread crops
 * with it. Coordinates are the frame's, origin at its top left.
 */
export function cropForSize(area: Rect, frame: { width: number; height: number }, size: { width: number; height: number }): { area: Rect; crop: Rect } {
  const { inside, grown } = withMargin(area, frame);
  const ratio = size.width / size.height;
  let width = Math.max(grown.width, grown.height * ratio);
  width = Math.min(width, frame.width, frame.height * ratio);
  const height = width / ratio;
  // Centred on the margin where it all fits (the margin then stays whole), else on the area itself.
  const around = width >= grown.width && height >= grown.height ? grown : inside;
  const x = place(around.x + around.width / 2, width, frame.width);
  const y = place(around.y + around.height / 2, height, frame.height);
  const crop = { x, y, width, height };
  return { area: intersection(inside, crop), crop };
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
 * frame's size. Above 1× it is held to twice the frame, or to as many pixels as the model's image
 * where that is more (a whole-frame 4K final keeps every pixel paid for), and never past a 4K
 * final's pixels. Past Figma's 4096 px the result is placed as tiles; only a frame past the
 * 16384 px a tile plan can cut is made below 1×, which the panel reports as scaled down.
 */
export function compositeScale(
  crop: { width: number; height: number },
  preset: { width: number; height: number },
  frame: { width: number; height: number },
): number {
  const model = Math.max(preset.width / crop.width, preset.height / crop.height);
  const framePixels = frame.width * frame.height;
  const ceiling = Math.min(
    Math.max(MAX_COMPOSITE_SCALE, Math.sqrt((preset.width * preset.height) / framePixels)),
    Math.sqrt(MAX_COMPOSITE_PIXELS / framePixels),
  );
  const wanted = Math.max(1, Math.min(model, ceiling));
  return Math.min(wanted, MAX_TILED_SIDE / Math.max(frame.width, frame.height));
}

/** The composite's pixel size for a frame at `scale`: whole pixels, within what a tile plan can cut. */
export function compositeSize(frame: { width: number; height: number }, scale: number): { width: number; height: number } {
  const side = (n: number) => Math.min(MAX_TILED_SIDE, Math.max(1, Math.round(n * scale)));
  return { width: side(frame.width), height: side(frame.height) };
}

/** The soft edge's width in composite pixels: a percentage of the area's short side. */
export function featherWidth(area: { width: number; height: number }, percent: number, scale: number): number {
  return Math.max(0, (Math.min(area.width, area.height) * percent * scale) / 100);
}
