import { FIGMA_MAX_IMAGE_SIDE, readImageSize, sniffImageKind } from '../../core/imageInfo.ts';

/** Figma's createImage rules: PNG, JPEG or GIF, at most 4096 px a side, else it throws. */
export function checkCreateImage(bytes: Uint8Array): { width: number; height: number } {
  const kind = sniffImageKind(bytes);
  if (!kind || kind === 'webp') throw new Error('Image type is unsupported');
  const size = readImageSize(bytes);
  if (!size) throw new Error('Image is corrupt');
  if (size.width > FIGMA_MAX_IMAGE_SIDE || size.height > FIGMA_MAX_IMAGE_SIDE) throw new Error('Image is too large');
  return size;
}

/** A content hash in the shape Figma uses for imageHash (40 hex characters). */
export function imageHashOf(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x12345678;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i]!, 0x01000193);
    h2 = Math.imul(h2 ^ bytes[i]!, 0x5bd1e995);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return (hex(h1) + hex(h2) + hex(h1 ^ h2) + hex(bytes.length) + hex(h1 + h2)).slice(0, 40);
}
