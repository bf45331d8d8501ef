/** Riverflow reads each reference at 300–2048 px per side; Runware stores uploads at ≤ 2048 px. */
export const REFERENCE_MAX_SIDE = 2048;
export const REFERENCE_MIN_SIDE = 300;

export interface ExportPlan {
  /** Constraint for `exportAsync`: the long side drives the scale. */
  readonly constraint: { readonly type: 'WIDTH' | 'HEIGHT'; readonly value: number };
  readonly width: number;
  readonly height: number;
}

/**
 * Pixel size to export a node of `width`×`height` at, so that the model gets what it
 * reads and no byte more: the long side at most `maxLongSide` (the output's long side is
 * enough, and never above 2048), the short side raised to 300 where that keeps the long
 * side within 2048. Figma renders vectors, so raising a small frame loses nothing.
 */
export function planReferenceExport(width: number, height: number, maxLongSide = REFERENCE_MAX_SIDE): ExportPlan {
  const w = Math.max(width, 0.01);
  const h = Math.max(height, 0.01);
  const cap = Math.min(Math.max(maxLongSide, REFERENCE_MIN_SIDE), REFERENCE_MAX_SIDE);
  const long = Math.max(w, h);
  const short = Math.min(w, h);
  let scale = Math.min(1, cap / long);
  if (short * scale < REFERENCE_MIN_SIDE) {
    scale = Math.min(REFERENCE_MIN_SIDE / short, REFERENCE_MAX_SIDE / long);
  }
  const outW = clampSide(w * scale);
  const outH = clampSide(h * scale);
  return w >= h
    ? { constraint: { type: 'WIDTH', value: outW }, width: outW, height: outH }
    : { constraint: { type: 'HEIGHT', value: outH }, width: outW, height: outH };
}

/** The thinnest ratio Riverflow takes: a 2048 px long side over a 300 px short one. */
export const MAX_REFERENCE_RATIO = REFERENCE_MAX_SIDE / REFERENCE_MIN_SIDE;

/**
 * The box a node too thin for Riverflow (a shelf banner, a skyscraper, a strip) is padded to,
 * centred, so that at 2048 px its short side still reaches 300; undefined when it fits as it is.
 * A hair wider than the limit, so that rounding to whole pixels never lands at 299.
 */
export function paddedBox(width: number, height: number): { width: number; height: number } | undefined {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (short <= 0 || long / short <= MAX_REFERENCE_RATIO) return undefined;
  const padded = (long / MAX_REFERENCE_RATIO) * 1.01;
  return width >= height ? { width, height: padded } : { width: padded, height };
}

function clampSide(px: number): number {
  return Math.min(REFERENCE_MAX_SIDE, Math.max(1, Math.round(px)));
}

/**
 * PNG keeps transparency and flat graphics exact; JPG wins on photographic frames.
 * Pick JPG only when the frame is opaque and JPG saves at least a third.
 */
export function pickReferenceFormat(pngBytes: number, jpgBytes: number | undefined, opaque: boolean): 'PNG' | 'JPG' {
  if (!opaque || jpgBytes === undefined) return 'PNG';
  return jpgBytes <= pngBytes * (2 / 3) ? 'JPG' : 'PNG';
}

/** PNG exports above this size are worth a JPG try (photographic content compresses badly as PNG). */
export const JPG_TRY_THRESHOLD_BYTES = 150_000;

/**
 * Whether an image fill's original file can be sent instead of an export: it shows the
 * same picture (same aspect ratio, so FILL crops nothing) and is within what the model
 * reads (short side ≥ 300, long side ≤ what the output needs). Then nothing is re-encoded.
 */
export function originalFits(node: { width: number; height: number }, image: { width: number; height: number }, maxLongSide: number): boolean {
  const sameRatio = Math.abs(Math.log(image.width / image.height) - Math.log(node.width / node.height)) < 0.01;
  return (
    sameRatio && Math.min(image.width, image.height) >= REFERENCE_MIN_SIDE && Math.max(image.width, image.height) <= Math.min(maxLongSide, REFERENCE_MAX_SIDE)
  );
}
