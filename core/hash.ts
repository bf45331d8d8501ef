/**
 * Content key for the upload cache: two independent 32-bit FNV-1a style hashes plus the
 * length. Pure JS because the main thread has no WebCrypto; a collision would only send
 * the wrong cached reference, and needs equal length and both hashes to collide.
 */
export function contentHash(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    const v = bytes[i]!;
    a = Math.imul(a ^ v, 0x01000193);
    b = Math.imul(b ^ v, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}-${bytes.length.toString(36)}`;
}
