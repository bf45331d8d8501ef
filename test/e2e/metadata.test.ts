import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { openSession } from './harness.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();

describe('nothing sent that the designer did not mean to send', () => {
  it('a placed photo reaches Runware without its GPS position, camera serial or XMP, every pixel the same', async () => {
    h.emulator.reset();
    const photo = await sharp({ create: { width: 1000, height: 750, channels: 3, background: '#a63' } })
      .composite([{ input: Buffer.from('<svg width="1000" height="750"><circle cx="500" cy="375" r="200" fill="#236"/></svg>') }])
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Make: 'Camera serial 12345', Artist: 'Jane Doe' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 26/1' } })
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description creator="Jane Doe"/></rdf:RDF></x:xmpmeta>',
      )
      .toBuffer();
    const s = await openSession(h);
    await s.useKey();
    await s.evaluate(
      `((host) => {
        const bytes = Uint8Array.from(atob(${JSON.stringify(photo.toString('base64'))}), (c) => c.charCodeAt(0));
        const hash = host.figma.createImage(bytes).hash;
        const node = host.addFrame('Holiday photo', { x: 0, y: 3000, width: 500, height: 375 }, undefined, 'RECTANGLE');
        node.fills = [{ type: 'IMAGE', imageHash: hash, scaleMode: 'FILL' }];
      })` as never,
    );
    await s.select('Holiday photo');
    await s.prompt('Warmer light, same composition');
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Holiday photo”/).waitFor();
    const uploads = h.emulator.requests.flatMap((r) => r.tasks).filter((t) => t.taskType === 'imageUpload') as { image: string }[];
    expect(uploads).toHaveLength(1);
    const sent = Buffer.from(uploads[0]!.image.slice(uploads[0]!.image.indexOf(',') + 1), 'base64');
    // The original file (not an export: same size, same JPEG data), without what the camera wrote.
    const meta = await sharp(sent).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.xmp]).toEqual(['jpeg', 1000, 750, undefined, undefined]);
    for (const secret of ['Jane Doe', 'serial', 'GPS', 'xmpmeta']) expect(sent.includes(secret)).toBe(false);
    const [a, b] = await Promise.all([sharp(sent).raw().toBuffer(), sharp(photo).raw().toBuffer()]);
    expect(a.equals(b)).toBe(true);
    await s.context.close();
  });
});
