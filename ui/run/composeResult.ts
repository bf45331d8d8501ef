import { compositeSize, featherWidth } from '../../core/composite/areaPlan.ts';
import { blendByMask, coverageFromAlpha, featherMask } from '../../core/composite/pixels.ts';
import { multiply } from '../../core/composite/transform.ts';
import type { CompositeParts } from '../../core/protocol/composite.ts';
import type { Rect } from '../../core/rect.ts';
import type { PlaceableImage } from '../runware/placeableImage.ts';

const bitmapOf = (bytes: Uint8Array) => createImageBitmap(new Blob([bytes as BlobPart]));

function context(width: number, height: number): OffscreenCanvasRenderingContext2D {
  return new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true })!;
}

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
  const ctx = context(crop.width, crop.height);
  if (!parts.mask) {
    // No outline (text kept sharp on the whole frame): everything is the model's.
    return new Float32Array(crop.width * crop.height).fill(1);
  }
  const s = parts.scale;
  const [[a, c, e], [b, d, f]] = multiply(
    [
      [s, 0, -crop.x],
      [0, s, -crop.y],
    ],
    parts.mask.transform,
  );
  ctx.setTransform(a, b, c, d, e, f);
  ctx.fillStyle = '#000';
  for (const path of parts.mask.paths) ctx.fill(new Path2D(path.data), path.windingRule === 'EVENODD' ? 'evenodd' : 'nonzero');
  return coverageFromAlpha(ctx.getImageData(0, 0, crop.width, crop.height).data);
}

/**
 * One result as the designer gets it: the model's picture of the crop laid over the frame's
 * render through the area's soft-edged mask (or, without an area, the model's picture at the
 * frame's size), then the text that could not stay live drawn on top. Pixels outside the
 * area and its feather are the frame's render, byte for byte.
 */
export async function composeResult(parts: CompositeParts, model: PlaceableImage, featherPercent: number): Promise<PlaceableImage> {
  const size = compositeSize(parts.size, parts.scale);
  const out = context(size.width, size.height);
  const modelBitmap = await bitmapOf(model.bytes);
  if (parts.base && parts.area) {
    const base = await bitmapOf(parts.base);
    out.drawImage(base, 0, 0, size.width, size.height);
    base.close();
    const crop = cropPixels(parts, size);
    const over = context(crop.width, crop.height);
    over.imageSmoothingQuality = 'high';
    // The model's picture covers the crop exactly (its ratio was chosen to match).
    over.drawImage(
      modelBitmap,
      parts.crop.x * parts.scale - crop.x,
      parts.crop.y * parts.scale - crop.y,
      parts.crop.width * parts.scale,
      parts.crop.height * parts.scale,
    );
    const mask = featherMask(maskPixels(parts, crop), crop.width, crop.height, featherWidth(parts.area, featherPercent, parts.scale));
    const pixels = out.getImageData(crop.x, crop.y, crop.width, crop.height);
    blendByMask(pixels.data, over.getImageData(0, 0, crop.width, crop.height).data, mask);
    out.putImageData(pixels, crop.x, crop.y);
  } else {
    out.imageSmoothingQuality = 'high';
    out.drawImage(modelBitmap, 0, 0, size.width, size.height);
  }
  modelBitmap.close();
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
  const blob = await (out.canvas as OffscreenCanvas).convertToBlob({ type: 'image/png' });
  return { bytes: new Uint8Array(await blob.arrayBuffer()), ...size };
}
