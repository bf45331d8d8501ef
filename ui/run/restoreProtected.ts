import { blendByMask, featherMask } from '../../core/composite/pixels.ts';
import { changedInside, type RestoredLayer } from '../../core/changeMeasure.ts';
import type { CompositeParts } from '../../core/protocol/composite.ts';
import { context, outlineCoverage } from './outlineCoverage.ts';

export type { RestoredLayer };

/** A protected layer's region of the composite and the frame's own pixels there, read before the frame's render is let go. */
export interface ProtectedPixels {
  readonly layer: NonNullable<CompositeParts['protect']>[number];
  readonly region: { x: number; y: number; width: number; height: number };
  readonly own: Uint8ClampedArray;
}

/** The soft edge: a few pixels, wider on large images, all of it outside the layer. */
const edgeFor = (size: { width: number; height: number }) => Math.max(6, Math.round(Math.max(size.width, size.height) / 200));

/**
 * Copies the frame's render where each protected layer is (with room for its soft edge), so the
 * whole render need not stay decoded beside the composite: a layer's box, not the frame.
 */
export function protectedPixels(parts: CompositeParts, base: ImageBitmap, size: { width: number; height: number }): ProtectedPixels[] {
  const s = parts.scale;
  const pad = edgeFor(size) + 2;
  const taken: ProtectedPixels[] = [];
  for (const layer of parts.protect ?? []) {
    const x = Math.max(0, Math.floor(layer.box.x * s) - pad);
    const y = Math.max(0, Math.floor(layer.box.y * s) - pad);
    const right = Math.min(size.width, Math.ceil((layer.box.x + layer.box.width) * s) + pad);
    const bottom = Math.min(size.height, Math.ceil((layer.box.y + layer.box.height) * s) + pad);
    if (right <= x || bottom <= y) continue;
    const region = { x, y, width: right - x, height: bottom - y };
    const own = context(region.width, region.height);
    own.drawImage(base, -x, -y, size.width, size.height);
    taken.push({ layer, region, own: own.getImageData(0, 0, region.width, region.height).data });
  }
  return taken;
}

/**
 * Gives each protected layer its own pixels back: inside its outline the frame's render exactly, the
 * model's picture beyond a soft edge laid just outside the outline (so the layer itself is never a
 * blend). Before that, measures how much of the layer the model had changed.
 */
export function restoreProtected(out: OffscreenCanvasRenderingContext2D, parts: CompositeParts, taken: readonly ProtectedPixels[]): RestoredLayer[] {
  const edge = edgeFor(out.canvas);
  const s = parts.scale;
  return taken.map(({ layer, region, own }) => {
    const pixels = out.getImageData(region.x, region.y, region.width, region.height);
    const inside = outlineCoverage(layer.outline, s, region);
    const drift = changedInside(pixels.data, own, region.width, inside);
    // Grown by the edge, then softened by it: exactly 1 over the layer, fading to 0 an edge outside it.
    const mask = featherMask(outlineCoverage(layer.outline, s, region, edge), region.width, region.height, edge);
    blendByMask(pixels.data, own, mask);
    out.putImageData(pixels, region.x, region.y);
    return { name: layer.name, drift };
  });
}
