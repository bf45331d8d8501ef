import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stripMetadata } from '../../core/stripMetadata.ts';

const base = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#a63' } });
const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(text);
const pixels = (bytes: Uint8Array) => sharp(Buffer.from(bytes)).raw().toBuffer();
/** From the first start-of-scan marker on: the image data itself, which must not change by a byte. */
const scanData = (bytes: Uint8Array) => Buffer.from(bytes).subarray(Buffer.from(bytes).indexOf(Buffer.from([0xff, 0xda])));

const GPS = { IFD0: { Copyright: 'Jane Doe', Make: 'Camera serial 12345' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } };
const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description creator="Jane Doe"/></rdf:RDF></x:xmpmeta>';

describe('metadata stripped at the byte level (core/stripMetadata.ts)', () => {
  it('drops EXIF with its GPS position and camera, and XMP, from a JPEG; the image data is the same bytes and the same pixels', async () => {
    for (const progressive of [false, true]) {
      const jpg = new Uint8Array(await base().jpeg({ progressive }).withExif(GPS).withXmp(XMP).toBuffer());
      expect([has(jpg, 'GPS') || has(jpg, 'Jane Doe'), (await sharp(jpg).metadata()).exif !== undefined]).toEqual([true, true]);
      const out = stripMetadata(jpg)!;
      const meta = await sharp(Buffer.from(out)).metadata();
      expect([meta.exif, meta.xmp]).toEqual([undefined, undefined]);
      expect([has(out, 'Jane Doe'), has(out, 'serial'), has(out, 'xmpmeta')]).toEqual([false, false, false]);
      expect(scanData(out).equals(scanData(jpg))).toBe(true);
      expect((await pixels(out)).equals(await pixels(jpg))).toBe(true);
      // The same file gives the same bytes: the upload cache by content hash still finds it.
      expect(stripMetadata(jpg)).toEqual(out);
    }
  });

  it('keeps what changes how the photo looks: its orientation (alone) and its colour profile', async () => {
    const jpg = new Uint8Array(await base().jpeg().withMetadata({ orientation: 6 }).withExif(GPS).withIccProfile('p3').toBuffer());
    const out = stripMetadata(jpg)!;
    const meta = await sharp(Buffer.from(out)).metadata();
    expect(meta.orientation).toBe(6);
    expect(meta.icc).toBeDefined();
    expect([has(out, 'Jane Doe'), has(out, 'GPS')]).toEqual([false, false]);
    expect(meta.exif!.length).toBeLessThan(40);
  });

  it('drops what a phone appends after the image (a second picture with its own EXIF)', async () => {
    const jpg = await base().jpeg().toBuffer();
    const appended = new Uint8Array(Buffer.concat([jpg, await base().jpeg().withExif(GPS).toBuffer()]));
    expect(stripMetadata(appended)).toEqual(stripMetadata(new Uint8Array(jpg)));
  });

  it('drops a PNG’s text chunks and EXIF, keeps the rest as it was', async () => {
    const png = await base().png().toBuffer();
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const head = Buffer.alloc(4);
      head.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body));
      return Buffer.concat([head, body, crc]);
    };
    const ihdrEnd = 8 + 12 + 13;
    const tagged = new Uint8Array(
      Buffer.concat([
        png.subarray(0, ihdrEnd),
        chunk('tEXt', Buffer.from('Author\0Jane Doe', 'latin1')),
        chunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>', 'latin1')),
        chunk('tIME', Buffer.from([7, 234, 12, 6, 1, 2, 3])),
        png.subarray(ihdrEnd),
      ]),
    );
    const out = stripMetadata(tagged)!;
    expect([has(out, 'Jane Doe'), has(out, 'xmpmeta'), has(out, 'tIME')]).toEqual([false, false, false]);
    expect(Buffer.from(out).equals(png)).toBe(true);
  });

  it('gives up on a file whose structure does not read, so the caller exports it instead', async () => {
    const jpg = await base().jpeg().toBuffer();
    expect(stripMetadata(new Uint8Array(jpg.subarray(0, 40)))).toBeUndefined();
    expect(stripMetadata(new Uint8Array((await base().png().toBuffer()).subarray(0, 50)))).toBeUndefined();
    expect(stripMetadata(new Uint8Array(await base().gif().toBuffer()))).toBeUndefined();
  });
});
