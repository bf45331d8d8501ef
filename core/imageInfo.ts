export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp';

/** Figma's createImage takes PNG, JPEG and GIF only, up to 4096 px a side. */
export const FIGMA_MAX_IMAGE_SIDE = 4096;

/** The image format by its magic bytes, or undefined for anything else. */
export function sniffImageKind(b: Uint8Array): ImageKind | undefined {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif';
  if (b.length >= 12 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50)
    return 'webp';
  return undefined;
}

/** Width and height from a PNG, GIF or JPEG header; undefined when the header is cut short. */
export function readImageSize(b: Uint8Array): { width: number; height: number } | undefined {
  const kind = sniffImageKind(b);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (kind === 'png' && b.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (kind === 'gif' && b.length >= 10) return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (kind === 'jpeg') {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      const length = view.getUint16(i + 2);
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
      }
      i += 2 + length;
    }
  }
  return undefined;
}
