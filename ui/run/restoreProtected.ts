import { blendByMask, featherMask } from '../../core/composite/pixels.ts';
import { changedInside, type RestoredLayer } from '../../core/changeMeasure.ts';
import type { CompositeParts } from '../../core/protocol/composite.ts';
import { context, outlineCoverage } from './outlineCoverage.ts';

export type { RestoredLayer };

/**
 * Gives each protected layer its own pixels back: inside its outline the frame's render exactly, the
 * model's picture beyond a soft edge laid just outside the outline (so the layer itself is never a
 * blend). Before that, measures how much of the layer the model had changed.
 */
export async function restoreProtected(out: OffscreenCanvasRenderingContext2D, parts: CompositeParts, base: ImageBitmap): Promise<RestoredLayer[]> {
  const restored: RestoredLayer[] = [];
  const { width, height } = out.canvas;
  const s = parts.scale;
  // The soft edge: a few pixels, wider on large images, all of it outside the layer.
  const edge = Math.max(6, Math.round(Math.max(width, height) / 200));
  for (const layer of parts.protect ?? []) {
    const pad = edge + 2;
    const x = Math.max(0, Math.floor(layer.box.x * s) - pad);
    const y = Math.max(0, Math.floor(layer.box.y * s) - pad);
    const right = Math.min(width, Math.ceil((layer.box.x + layer.box.width) * s) + pad);
    const bottom = Math.min(height, Math.ceil((layer.box.y + layer.box.height) * s) + pad);
    if (right <= x || bottom <= y) continue;
    const region = { x, y, width: right - x, height: bottom - y };
    const own = context(region.width, region.height);
    own.drawImage(base, -x, -y, width, height);
    const ownPixels = own.getImageData(0, 0, region.width, region.height).data;
    const pixels = out.getImageData(x, y, region.width, region.height);
    const inside = outlineCoverage(layer.outline, s, region);
    restored.push({ name: layer.name, drift: changedInside(pixels.data, ownPixels, region.width, inside) });
    // Grown by the edge, then softened by it: exactly 1 over the layer, fading to 0 an edge outside it.
    const mask = featherMask(outlineCoverage(layer.outline, s, region, edge), region.width, region.height, edge);
    blendByMask(pixels.data, ownPixels, mask);
    out.putImageData(pixels, x, y);
  }
  return restored;
}
