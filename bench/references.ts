import sharp from 'sharp';
import { readImageSize } from '../core/imageInfo.ts';
import { matchPreset } from '../core/sizes.ts';
import { bootPlugin } from '../test/helpers/bootPlugin.ts';
import { kb, line } from './print.ts';

async function photo(width: number, height: number): Promise<Uint8Array> {
  // Photographic content: smooth gradients plus sensor-like noise.
  const noise = await sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 120, sigma: 40 } } })
    .blur(2)
    .png()
    .toBuffer();
  return new Uint8Array(await sharp(noise).modulate({ saturation: 1.4 }).jpeg({ quality: 88 }).toBuffer());
}

export async function referenceBytes() {
  console.log('# Reference payloads: what the plugin sends vs a naive 1× PNG export');
  const p = bootPlugin();
  const fixtures: [string, number, number, boolean][] = [
    ['small 200×150', 200, 150, false],
    ['frame 1152×864', 1152, 864, false],
    ['frame 4000×3000', 4000, 3000, false],
    ['strip 3000×300', 3000, 300, false],
    ['tower 300×3000', 300, 3000, false],
    ['photo 1152×864', 1152, 864, true],
    ['photo 4000×3000', 4000, 3000, true],
  ];
  let id = 1;
  for (const [name, w, h, isPhoto] of fixtures) {
    const node = p.host.addFrame(
      name,
      { x: 0, y: id * 5000, width: w, height: h },
      { background: '#efe6d2', accent: '#2f4f7f', title: 'Moss & Co.', subtitle: 'Herbal tea' },
      isPhoto ? 'RECTANGLE' : 'FRAME',
    );
    const original = isPhoto ? await photo(w, h) : undefined;
    if (original) node.fills = [{ type: 'IMAGE', imageHash: p.host.figma.createImage(original).hash, scaleMode: 'FILL' } as ImagePaint];
    const preset = matchPreset(w, h);
    p.sent.length = 0;
    await p.ask({ type: 'export-references', id: id++, nodeIds: [node.id], maxLongSide: Math.max(preset.width, preset.height), skipCache: true });
    const ref = p.sent.find((m) => m.type === 'reference');
    if (ref?.type !== 'reference' || !('bytes' in ref.reference)) throw new Error('no reference');
    const naive = await node.exportAsync({ format: 'PNG' });
    const size = readImageSize(ref.reference.bytes)!;
    const format = `${ref.reference.mime === 'image/jpeg' ? 'JPG' : 'PNG'}${original && Buffer.from(original).equals(Buffer.from(ref.reference.bytes)) ? ', original file' : ''}`;
    line(
      `reference ${name}`.padEnd(28),
      `sent ${kb(ref.reference.bytes.length)} (${format} ${size.width}×${size.height})`.padEnd(44),
      `naive ${kb(naive.length)}`.padEnd(18),
      `ratio ${(naive.length / ref.reference.bytes.length).toFixed(1)}×`,
    );
  }
}
