import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { compositeScale, compositeSize, planAreaCrop } from '../../core/composite/areaPlan.ts';
import type { Provenance } from '../../core/records/provenance.ts';
import { OUTPUT_DIR, openSession, type Session } from './harness.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();
const FRAME = { width: 1200, height: 900 };
const MARKER = { x: 760, y: 120, width: 340, height: 300 };

interface Raw {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}
const raw = async (bytes: Uint8Array | Buffer, resize?: { width: number; height: number }): Promise<Raw> => {
  const img = resize ? sharp(bytes).resize(resize.width, resize.height, { fit: 'fill' }) : sharp(bytes);
  const { data, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
};
const at = (img: Raw, x: number, y: number) => {
  const i = (y * img.width + x) * img.channels;
  return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
};
const diff = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
const dark = (rgb: number[]) => rgb.every((c) => c < 70);

/** A node's image fill and provenance, and the frame rendered by the playground at a scale. */
async function resultOf(s: Session, name: string) {
  return s.page.evaluate((n) => {
    const host = window.playground.host;
    const node = host.page.children.find((c) => c.name === n)!;
    const bytes = host.images.get((node.fills[0] as ImagePaint).imageHash!)!;
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const children = node.children.map((c) => ({ type: c.type, name: c.name, x: c.x, y: c.y, characters: c.type === 'TEXT' ? (c as unknown as TextNode).characters : '' }));
    return { type: node.type, width: node.width, height: node.height, image: btoa(bin), provenance: node.getPluginData('riverflow'), children };
  }, name);
}
async function render(s: Session, name: string, scale: number): Promise<Buffer> {
  const b64 = await s.page.evaluate(
    async ([n, sc]) => {
      const node = window.playground.host.page.children.find((c) => c.name === n)!;
      const bytes = await node.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: sc as number } });
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(bin);
    },
    [name, scale] as const,
  );
  return Buffer.from(b64, 'base64');
}
/** Everything about a frame and its layers that a run could change. */
const frameState = (s: Session, name: string) =>
  s.page.evaluate((n) => {
    const f = window.playground.host.page.children.find((c) => c.name === n)!;
    const layer = (c: typeof f): unknown => [c.name, c.x, c.y, c.width, c.height, c.visible, c.fills, [...c.pluginData], c.type === 'TEXT' ? (c as unknown as TextNode).characters : '', c.children.map(layer)];
    return JSON.stringify(layer(f));
  }, name);
const undoCount = (s: Session) => s.evaluate((host) => host.undoSteps.count);

describe('Edit only this area, in Chromium', () => {
  it('changes the marked ellipse only: outside it the frame’s own pixels, deep inside the model’s, a soft edge between', async () => {
    const s = await openSession(h);
    await s.page.getByRole('button', { name: 'Retouch area on Pack shot' }).click();
    await s.ui.getByText('Area ‘Retouch area’ on ‘Pack shot’').waitFor();
    const only = s.ui.getByRole('checkbox', { name: 'Edit only this area' });
    expect(await only.isChecked()).toBe(true);
    const { crop, preset } = planAreaCrop(MARKER, FRAME);
    await s.ui.getByText(`Size: ${preset.ratio} · ${preset.width}×${preset.height}, matched to the area`, { exact: false }).waitFor();
    await s.useKey();
    await s.prompt('Put a glass of oat milk with a leaf here');
    await s.ui.getByLabel('Variations').fill('2');
    const before = await frameState(s, 'Pack shot');
    const undo = await undoCount(s);
    await s.generate();
    await s.ui.getByText(/Placed 2 images beside “Pack shot”/).waitFor({ timeout: 30_000 });
    await s.page.screenshot({ path: `${OUTPUT_DIR}/area-edit.png` });

    // What was sent: the crop at the matched preset, one task per variation.
    const task = h.emulator.requests.flatMap((r) => r.tasks).find((t) => t.taskType === 'imageInference')!;
    expect([task.width, task.height]).toEqual([preset.width, preset.height]);
    const sent = await sharp(h.emulator.firstReference(task.taskUUID as string)!).metadata();
    expect(sent.width! / sent.height!).toBeCloseTo(crop.width / crop.height, 2);

    const names = await s.nodeNames();
    expect(names.filter((n) => n.startsWith('Pack shot —')).sort()).toEqual(['Pack shot — Riverflow area 1', 'Pack shot — Riverflow area 2']);
    expect(names.some((n) => /temporary/i.test(n))).toBe(false);
    expect(await frameState(s, 'Pack shot')).toBe(before);
    expect((await undoCount(s)) - undo).toBe(2);

    const result = await resultOf(s, 'Pack shot — Riverflow area 1');
    expect([result.type, result.width, result.height]).toEqual(['FRAME', 1200, 900]);
    const provenance = JSON.parse(result.provenance) as Provenance;
    expect(provenance).toMatchObject({ area: MARKER, marker: 'Retouch area' });
    const scale = compositeScale(crop, preset, FRAME);
    const size = compositeSize(FRAME, scale);
    const out = await raw(Buffer.from(result.image, 'base64'));
    expect([out.width, out.height]).toEqual([size.width, size.height]);
    const frame = await raw(await render(s, 'Pack shot', scale));
    // The model's picture of the crop, laid where the crop is.
    const cropPx = { x: Math.floor(crop.x * scale), y: Math.floor(crop.y * scale), width: Math.round(crop.width * scale), height: Math.round(crop.height * scale) };
    const model = await raw(h.emulator.image(provenance.imageUUID)!, cropPx);

    const feather = (Math.min(MARKER.width, MARKER.height) * 3) / 100;
    const [cx, cy, rx, ry] = [MARKER.x + MARKER.width / 2, MARKER.y + MARKER.height / 2, MARKER.width / 2, MARKER.height / 2];
    const inEllipse = (x: number, y: number, grow: number) => ((x - cx) / (rx + grow)) ** 2 + ((y - cy) / (ry + grow)) ** 2 <= 1;
    let outside = 0;
    let outsideWorst = 0;
    let inside = 0;
    let insideSum = 0;
    let changedSum = 0;
    for (let y = 0; y < out.height; y += 3) {
      for (let x = 0; x < out.width; x += 3) {
        const [fx, fy] = [x / scale, y / scale];
        if (!inEllipse(fx, fy, feather + 2)) {
          outside++;
          outsideWorst = Math.max(outsideWorst, diff(at(out, x, y), at(frame, x, y)));
        } else if (inEllipse(fx, fy, -(feather + 2))) {
          const mx = x - cropPx.x;
          const my = y - cropPx.y;
          if (mx < 0 || my < 0 || mx >= model.width || my >= model.height) continue;
          inside++;
          const o = at(out, x, y);
          insideSum += o.reduce((a, v, i) => a + Math.abs(v - at(model, mx, my)[i]!), 0) / 3;
          changedSum += o.reduce((a, v, i) => a + Math.abs(v - at(frame, x, y)[i]!), 0) / 3;
        }
      }
    }
    expect(outside).toBeGreaterThan(50_000);
    expect(inside).toBeGreaterThan(3_000);
    // Outside the area and its feather: the frame's own render (the same renderer, so ±1 at most).
    expect(outsideWorst).toBeLessThanOrEqual(1);
    // Deep inside: the model's picture (two resamplers differ a little at the emulator's letters).
    expect(insideSum / inside).toBeLessThan(6);
    // …which is not the frame: the emulator tints what it returns.
    expect(changedSum / inside).toBeGreaterThan(15);
    await s.context.close();
  });

  it('a marker deleted before Generate is a clear message, and nothing is charged', async () => {
    const s = await openSession(h);
    await s.page.getByRole('button', { name: 'Retouch area on Pack shot' }).click();
    await s.ui.getByText('Area ‘Retouch area’ on ‘Pack shot’').waitFor();
    await s.useKey();
    await s.prompt('A leaf');
    await s.evaluate((host) => host.page.children.find((c) => c.name === 'Pack shot')!.children.find((c) => c.name === 'Retouch area')!.remove());
    await s.generate();
    expect(await s.alertText()).toBe('The marked area was deleted. Draw it again, or turn off “Edit only this area”.');
    expect(h.emulator.charges).toHaveLength(0);
    await s.context.close();
  });
});

describe('Keep text layers sharp, in Chromium', () => {
  it('sends the frame without its words, and places a frame with the image and the live text on top', async () => {
    const s = await openSession(h);
    await s.select('Price tag');
    const keep = s.ui.getByRole('checkbox', { name: 'Keep text layers sharp' });
    expect(await keep.isChecked()).toBe(false);
    await keep.check();
    await s.ui.getByText('4 text layers stay live text on top of the result', { exact: false }).waitFor();
    await s.useKey();
    await s.prompt('Summer picnic backdrop');
    const before = await frameState(s, 'Price tag');
    const undo = await undoCount(s);
    await s.generate();
    await s.ui.getByText(/Placed 1 image beside “Price tag”\. Drawn into the image, since its font is not available here: “Best before”\./).waitFor({ timeout: 30_000 });
    await s.page.screenshot({ path: `${OUTPUT_DIR}/keep-text-sharp.png` });

    // The reference the model read has no text pixels where the price was; the frame's render has many.
    const task = h.emulator.requests.flatMap((r) => r.tasks).find((t) => t.taskType === 'imageInference')!;
    const sent = await raw(h.emulator.firstReference(task.taskUUID as string)!);
    const framePx = await raw(await render(s, 'Price tag', sent.width / FRAME.width));
    const price = { x: 80, y: 420, width: 380, height: 160 };
    const darkIn = (img: Raw, k: number) => {
      let n = 0;
      for (let y = Math.round(price.y * k); y < (price.y + price.height) * k; y++) for (let x = Math.round(price.x * k); x < (price.x + price.width) * k; x++) n += dark(at(img, x, y)) ? 1 : 0;
      return n;
    };
    const k = sent.width / FRAME.width;
    expect(darkIn(framePx, k)).toBeGreaterThan(2_000);
    expect(darkIn(sent, k)).toBe(0);

    const result = await resultOf(s, 'Price tag — Riverflow 1');
    expect([result.type, result.width, result.height]).toEqual(['FRAME', 1200, 900]);
    expect(result.children).toEqual([
      { type: 'TEXT', name: 'Product', x: 80, y: 90, characters: 'Hibiscus & ginger' },
      { type: 'TEXT', name: 'Price', x: 80, y: 420, characters: '€4.99' },
      { type: 'TEXT', name: 'Ingredients', x: 80, y: 690, characters: 'Ingredients: water, hibiscus (12%), ginger, lemon juice' },
    ]);
    // "Best before" (a font this machine lacks) is drawn into the image where it was.
    const image = await raw(Buffer.from(result.image, 'base64'));
    const s2 = image.width / FRAME.width;
    let drawn = 0;
    for (let y = Math.round(822 * s2); y < 850 * s2; y++) for (let x = Math.round(82 * s2); x < 400 * s2; x++) drawn += at(image, x, y).every((c) => c < 90) ? 1 : 0;
    expect(drawn).toBeGreaterThan(200);
    expect((await s.nodeNames()).some((n) => /temporary/i.test(n))).toBe(false);
    expect(await frameState(s, 'Price tag')).toBe(before);
    expect((await undoCount(s)) - undo).toBe(1);
    // The choice is remembered for next time.
    await s.reopen();
    await s.select('Price tag');
    expect(await s.ui.getByRole('checkbox', { name: 'Keep text layers sharp' }).isChecked()).toBe(true);
    await s.context.close();
  });
});
