import { MAX_PREVIEW_BYTES } from '../../core/records/provenance.ts';
import { bytesToBase64 } from '../base64.ts';

/** Twice the History row's 96 px, for sharp previews on a Retina display. */
const PREVIEW_SIDE = 192;

/**
 * The History panel's preview of a result, made once, in the iframe (the main thread cannot
 * scale images): a JPEG of at most 192 px a side and 64 KB, as base64 for plugin data.
 * Undefined when the browser cannot make one; the panel then asks Figma for a small export.
 */
export async function makePreview(bytes: Uint8Array | undefined, decoded?: ImageBitmap): Promise<string | undefined> {
  if (!decoded && !bytes) return undefined;
  try {
    const bitmap = decoded ?? (await createImageBitmap(new Blob([bytes as BlobPart])));
    const scale = Math.min(1, PREVIEW_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d')!;
    // JPEG has no alpha: a transparent result previews on white, as on Figma's canvas.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    // A bitmap passed in belongs to the caller.
    if (!decoded) bitmap.close();
    for (const quality of [0.85, 0.6, 0.4]) {
      const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality })).arrayBuffer());
      if (jpeg.length <= MAX_PREVIEW_BYTES) return bytesToBase64(jpeg);
    }
  } catch {
    // No preview is not worth failing a paid result over.
  }
  return undefined;
}
