import { compositeSize, featherWidth } from '../../core/composite/areaPlan.ts';
import { blendByMask, featherMask } from '../../core/composite/pixels.ts';
import { context, outlineCoverage } from './outlineCoverage.ts';
import { protectedPixels, restoreProtected, type RestoredLayer } from './restoreProtected.ts';
import type { CompositeParts } from '../../core/protocol/composite.ts';
import type { Rect } from '../../core/rect.ts';
import { encodedBytes, type PlaceableImage } from '../runware/placeableImage.ts';
import { needsTiles } from '../../core/tiles.ts';

const bitmapOf = (bytes: Uint8Array) => createImageBitmap(new Blob([bytes as BlobPart]));

/** The crop in composite pixels, on whole pixels so the frame's own pixels are copied, never resampled. */
function cropPixels(parts: CompositeParts, size: { width: number; height: number }) {
  const x = Math.max(0, Math.floor(parts.crop.x * parts.scale));
  const y = Math.max(0, Math.floor(parts.crop.y * parts.scale));
  const right = Math.min(size.width, Math.ceil((parts.crop.x + parts.crop.width) * parts.scale));
  const bottom = Math.min(size.height, Math.ceil((parts.crop.y + parts.crop.height) * parts.scale));
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

/** The marker's outline drawn into the crop's pixels: 1 inside, 0 outside, anti-aliased at the edge. */
function maskPixels(parts: CompositeParts, crop: Rect): Float32Array {
  // No outline (text kept sharp on the whole frame): everything is the model's.
  if (!parts.mask) return new Float32Array(crop.width * crop.height).fill(1);
  return outlineCoverage(parts.mask, parts.scale, crop);
}

/**
 * One result as the designer gets it: the model's picture of the crop laid over the frame's
 * render through the area's soft-edged mask (or, without an area, the model's picture at the
 * frame's size), each protected layer given back its own pixels, then the text that could not stay
 * live drawn on top. Pixels outside the area and its feather are the frame's render, byte for byte.
 */
export async function composeResult(
  parts: CompositeParts,
  model: PlaceableImage,
  featherPercent: number,
): Promise<PlaceableImage & { restored: RestoredLayer[] }> {
  const size = compositeSize(parts.size, parts.scale);
  const area = parts.base && parts.area ? cropPixels(parts, size) : undefined;
  // At most two images of the composite's size held at once (at 4K, 64 MB each) of the three it
  // takes: the model's (decoded when it arrived), the frame's render, the composite; each let go when done.
  let modelBitmap: ImageBitmap | undefined = model.bitmap ?? (await bitmapOf(encodedBytes(model)));
  const over = area ? context(area.width, area.height) : undefined;
  if (over && area) {
    over.imageSmoothingQuality = 'high';
    // The model's picture covers the crop exactly (its ratio was chosen to match).
    over.drawImage(
      modelBitmap,
      parts.crop.x * parts.scale - area.x,
      parts.crop.y * parts.scale - area.y,
      parts.crop.width * parts.scale,
      parts.crop.height * parts.scale,
    );
    modelBitmap.close();
    modelBitmap = undefined;
  }
  // The frame's render: the protected layers' pixels copied out, drawn under an area edit, then let go.
  const base = parts.base ? await bitmapOf(parts.base) : undefined;
  const taken = base ? protectedPixels(parts, base, size) : [];
  const out = context(size.width, size.height);
  if (base && over && area && parts.area) {
    out.drawImage(base, 0, 0, size.width, size.height);
    const mask = featherMask(maskPixels(parts, area), area.width, area.height, featherWidth(parts.area, featherPercent, parts.scale));
    const pixels = out.getImageData(area.x, area.y, area.width, area.height);
    blendByMask(pixels.data, over.getImageData(0, 0, area.width, area.height).data, mask);
    out.putImageData(pixels, area.x, area.y);
  }
  base?.close();
  if (modelBitmap) {
    out.imageSmoothingQuality = 'high';
    out.drawImage(modelBitmap, 0, 0, size.width, size.height);
    modelBitmap.close();
  }
  // Protected layers last but text: their pixels are the frame's, wherever the model put its own.
  const restored = restoreProtected(out, parts, taken);
  const s = parts.scale;
  for (const overlay of parts.overlays) {
    const bitmap = await bitmapOf(overlay.bytes);
    out.save();
    if (overlay.clip) {
      out.beginPath();
      out.rect(overlay.clip.x * s, overlay.clip.y * s, overlay.clip.width * s, overlay.clip.height * s);
      out.clip();
    }
    out.drawImage(bitmap, overlay.box.x * s, overlay.box.y * s, overlay.box.width * s, overlay.box.height * s);
    out.restore();
    bitmap.close();
  }
  const canvas = out.canvas as OffscreenCanvas;
  // Past Figma's 4096 px the composite is placed as tiles cut from its pixels: encoded whole, it would be wasted.
  const bytes = needsTiles(size) ? undefined : new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  // Its pixels, already decoded, for the preview and the tiles.
  return { ...(bytes ? { bytes } : {}), bitmap: canvas.transferToImageBitmap(), ...size, restored };
}
