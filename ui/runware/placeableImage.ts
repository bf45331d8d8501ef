import { readImageSize, sniffImageKind } from '../../core/imageInfo.ts';
import { MAX_TILED_SIDE } from '../../core/tiles.ts';
import { base64ToBytes } from '../base64.ts';
import { RunwareError } from '../../core/runware/failures.ts';
import type { ImageResult } from '../../core/runware/response.ts';
import type { RestoredLayer } from '../../core/changeMeasure.ts';

export interface PlaceableImage {
  /**
   * The encoded image (PNG, JPEG or GIF). Absent only on a composite past Figma's 4096 px: it is
   * placed as tiles cut from `bitmap`, so encoding it whole would be wasted (see encodedBytes).
   */
  readonly bytes?: Uint8Array;
  readonly width: number;
  readonly height: number;
  /**
   * The image decoded once, for the preview and the tiles (a 4K image takes a quarter of a second
   * to decode each time); whoever places the image closes it.
   */
  readonly bitmap?: ImageBitmap;
  /** On a composite: the protected layers given back, with how much the model had changed each. */
  readonly restored?: readonly RestoredLayer[];
}

/** The encoded image, which every image placed whole has. */
export function encodedBytes(image: PlaceableImage): Uint8Array {
  if (!image.bytes) throw new Error('the image was not encoded');
  return image.bytes;
}

/** Re-encodes WEBP as PNG in the iframe: Figma's createImage rejects WEBP. */
async function webpToPng(bitmap: ImageBitmap): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Decodes an inline result and makes sure Figma can take it: a PNG, JPEG or GIF that decodes
 * (past 4096 px a side it is placed as tiles, see storeTiles). Anything else is refused with a
 * reason, before the canvas is touched.
 */
export async function loadResultImage(result: ImageResult, signal?: AbortSignal): Promise<PlaceableImage> {
  const { kind: sourceKind, value } = result.source;
  // Results are asked for inline: a link would need the image host, which the manifest does not allow.
  if (sourceKind === 'url') throw new RunwareError({ kind: 'badImage', detail: 'Runware sent a link instead of the image' });
  if (signal?.aborted) throw new RunwareError({ kind: 'cancelled' });
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(sourceKind === 'dataURI' ? value.slice(value.indexOf(',') + 1) : value);
  } catch {
    throw new RunwareError({ kind: 'badImage', detail: 'the image data is corrupt' });
  }
  const kind = sniffImageKind(bytes);
  if (!kind) throw new RunwareError({ kind: 'badImage', detail: 'it is not a PNG, JPEG, GIF or WEBP image' });
  let bitmap: ImageBitmap;
  try {
    // Decoding proves the bytes are a whole image, not just a valid header.
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart]));
  } catch {
    throw new RunwareError({ kind: 'badImage', detail: 'the image could not be decoded' });
  }
  if (kind === 'webp') bytes = await webpToPng(bitmap);
  const size = readImageSize(bytes);
  const refuse = (detail: string) => {
    bitmap.close();
    return new RunwareError({ kind: 'badImage', detail });
  };
  if (!size) throw refuse('the image could not be decoded');
  if (size.width > MAX_TILED_SIDE || size.height > MAX_TILED_SIDE) {
    throw refuse(`it is ${size.width}×${size.height} px, past the ${MAX_TILED_SIDE} px a side the panel can cut into tiles`);
  }
  return { bytes, ...size, bitmap };
}
