/**
 * A placed photo goes to Runware as its original file, so whatever the camera or an editor wrote
 * into it would go too: GPS position, camera serial, author, edit history. These functions drop
 * that metadata at the byte level, without decoding or re-encoding a pixel (the image data is
 * copied as it is, so the upload cache by content hash still works). What affects how the image
 * looks is kept: JFIF, the ICC colour profile, Adobe's colour transform, PNG's colour chunks, and
 * an EXIF orientation other than "upright" (rewritten alone, in a minimal EXIF block).
 */

/** JPEG segments that only describe: EXIF and XMP (APP1), IPTC and Photoshop (APP13), other APPn notes, comments. */
const JPEG_DROPPED = new Set([0xe1, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xef, 0xfe]);
/** PNG chunks that only describe: text of any kind, EXIF, the modification time. */
const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The file without its metadata; undefined when it is not a JPEG or PNG whose structure reads cleanly (the caller exports it instead). */
export function stripMetadata(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return stripJpeg(bytes);
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return stripPng(bytes);
  return undefined;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function stripJpeg(bytes: Uint8Array): Uint8Array | undefined {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at + 2 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte before a marker
      continue;
    }
    if (marker === 0xd9) {
      // End of image: what may follow (a phone's second pictures, with their own EXIF) is not sent.
      kept.push(bytes.subarray(at, at + 2));
      return concat(kept);
    }
    if (at + 4 > bytes.length) return undefined;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return undefined;
    const segment = bytes.subarray(at, end);
    if (marker === 0xe1) {
      const orientation = exifOrientation(segment.subarray(4));
      if (orientation && orientation !== 1) kept.push(orientationOnly(orientation));
    } else if (marker === 0xe2 && !startsWith(segment.subarray(4), 'ICC_PROFILE')) {
      // APP2 holds the colour profile (kept) or FlashPix and multi-picture notes (dropped).
    } else if (!JPEG_DROPPED.has(marker)) kept.push(segment);
    at = end;
    if (marker === 0xda) {
      // Entropy-coded data up to the next marker, copied as it is (0xFF is followed by 0 or a restart there).
      let scan = at;
      while (scan + 1 < bytes.length && !(bytes[scan] === 0xff && bytes[scan + 1] !== 0 && (bytes[scan + 1]! < 0xd0 || bytes[scan + 1]! > 0xd7))) scan++;
      if (scan + 1 >= bytes.length) return undefined;
      kept.push(bytes.subarray(at, scan));
      at = scan;
    }
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  return [...text].every((c, i) => bytes[i] === c.charCodeAt(0));
}

/** EXIF's Orientation (tag 0x0112 in IFD0), read from an APP1 payload; undefined when absent or not EXIF. */
export function exifOrientation(payload: Uint8Array): number | undefined {
  const header = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"
  if (!header.every((b, i) => payload[i] === b)) return undefined;
  const tiff = payload.subarray(6);
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return undefined;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (o: number) => (o + 2 <= tiff.length ? view.getUint16(o, little) : undefined);
  const u32 = (o: number) => (o + 4 <= tiff.length ? view.getUint32(o, little) : undefined);
  const ifd = u32(4);
  const count = ifd === undefined ? undefined : u16(ifd);
  if (ifd === undefined || count === undefined) return undefined;
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return undefined;
}

/** An APP1 segment holding nothing but the orientation: big-endian TIFF, one IFD0 entry. */
function orientationOnly(orientation: number): Uint8Array {
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const length = body.length + 2;
  return new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...body]);
}

function stripPng(bytes: Uint8Array): Uint8Array | undefined {
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
    const end = at + 12 + length;
    if (end > bytes.length) return undefined;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!PNG_DROPPED.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return concat(kept);
  }
  return undefined;
}
