import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { compositeScale, compositeSize, planAreaCrop } from '../../core/composite/areaPlan.ts';
import { presetLabel, SIZE_PRESETS } from '../../core/sizes.ts';
import type { Provenance } from '../../core/records/provenance.ts';
import { OUTPUT_DIR, openSession } from './harness.ts';
import { at, dark, diff, frameState, raw, render, resultOf, undoCount } from './pixels.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();
const FRAME = { width: 1200, height: 900 };
const MARKER = { x: 760, y: 120, width: 340, height: 300 };

describe('Edit only this area, in Chromium', () => {
  it('changes the marked ellipse only: outside it the frame’s own pixels, deep inside the model’s, a soft edge between', async () => {
    const s = await openSession(h);
    await s.page.getByRole('button', { name: 'Retouch area on Pack shot' }).click();
    await s.ui.getByText('Area ‘Retouch area’ on ‘Pack shot’').waitFor();
    const only = s.ui.getByRole('checkbox', { name: 'Edit only this area' });
    expect(await only.isChecked()).toBe(true);
    const { crop, preset } = planAreaCrop(MARKER, FRAME, SIZE_PRESETS);
    await s.ui.getByText(`Size: ${presetLabel(preset)}, matched to the area`, { exact: false }).waitFor();
    await s.useKey();
    await s.prompt('Put a glass of oat milk with a leaf here');
    await s.ui.getByLabel('Variations').fill('2');
    const before = await frameState(s, 'Pack shot');
    const undo = await undoCount(s);
    await s.page.locator('iframe[title="Riverflow plugin"]').screenshot({ path: `${OUTPUT_DIR}/area-panel.png` });
    await s.generate();
    await s.ui.getByText(/Placed 2 images beside “Pack shot”/).waitFor({ timeout: 30_000 });
    await s.page.evaluate(() => window.playground.focus('Pack shot'));
    await s.page.locator('#canvas').screenshot({ path: `${OUTPUT_DIR}/area-edit.png` });
    await s.page.evaluate(() => window.playground.focus(null));

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
    const cropPx = {
      x: Math.floor(crop.x * scale),
      y: Math.floor(crop.y * scale),
      width: Math.round(crop.width * scale),
      height: Math.round(crop.height * scale),
    };
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
    // Deep inside: the model's picture (sharp and the canvas resample it alike: ~0.01 here).
    expect(insideSum / inside).toBeLessThan(1);
    // …which is not the frame: the emulator tints what it returns (by a hue from the seed: 14–45 seen).
    expect(changedSum / inside).toBeGreaterThan(5);
    await s.context.close();
  });

  it('a marker deleted before Generate is a clear message, and nothing is charged', async () => {
    const s = await openSession(h);
    await s.page.getByRole('button', { name: 'Retouch area on Pack shot' }).click();
    await s.ui.getByText('Area ‘Retouch area’ on ‘Pack shot’').waitFor();
    await s.useKey();
    await s.prompt('A leaf');
    await s.evaluate((host) =>
      host.page.children
        .find((c) => c.name === 'Pack shot')!
        .children.find((c) => c.name === 'Retouch area')!
        .remove(),
    );
    await s.generate();
    expect(await s.alertText()).toBe('The marked area was deleted. Draw it again, or turn off “Edit only this area”.');
    expect(h.emulator.charges).toHaveLength(0);
    await s.context.close();
  });

  it('with text kept sharp too: the price inside the frame stays live text over a text-free composite', async () => {
    const s = await openSession(h);
    await s.page.getByRole('button', { name: 'Retouch area on Pack shot' }).click();
    await s.ui.getByText('Area ‘Retouch area’ on ‘Pack shot’').waitFor();
    await s.ui.getByRole('checkbox', { name: 'Keep text layers sharp' }).check();
    await s.useKey();
    await s.prompt('A leaf');
    await s.generate();
    await s.ui.getByText(/Placed 1 image beside “Pack shot”/).waitFor({ timeout: 30_000 });
    const result = await resultOf(s, 'Pack shot — Riverflow area 1');
    expect(result.children).toEqual([{ type: 'TEXT', name: 'Price', x: 820, y: 700, rotation: 0, characters: '€2.49' }]);
    // Under the live price the image holds no type (the base was rendered without it)…
    const image = await raw(Buffer.from(result.image, 'base64'));
    const k = image.width / FRAME.width;
    const darkUnder = (img: typeof image, scale: number) => {
      let n = 0;
      for (let y = Math.round(710 * scale); y < 780 * scale; y++) for (let x = Math.round(824 * scale); x < 1000 * scale; x++) n += dark(at(img, x, y)) ? 1 : 0;
      return n;
    };
    expect(darkUnder(image, k)).toBe(0);
    // …where the frame's own render has the price's pixels.
    expect(darkUnder(await raw(await render(s, 'Pack shot', k)), k)).toBeGreaterThan(500);
    expect((await s.nodeNames()).some((n) => /temporary/i.test(n))).toBe(false);
    // Edit again on the result, as on any other: its prompt back, the result as the base, its size matched to the whole frame.
    await s.relaunch('edit');
    await expect.poll(() => s.ui.getByLabel('Prompt', { exact: true }).inputValue()).toBe('A leaf');
    await expect.poll(() => s.ui.locator('.ref-name').allTextContents()).toEqual(['Pack shot — Riverflow area 1']);
    await expect.poll(() => s.ui.getByLabel('Size').inputValue()).toBe('1K (4:3)');
    await s.prompt('Warmer light');
    await s.generate();
    await s.ui.getByText(/Placed 1 image beside “Pack shot — Riverflow area 1”/).waitFor({ timeout: 30_000 });
    const again = await resultOf(s, 'Pack shot — Riverflow area 1 — Riverflow 1');
    expect(again.children).toEqual([{ type: 'TEXT', name: 'Price', x: 820, y: 700, rotation: 0, characters: '€2.49' }]);
    await s.context.close();
  });

  it('a marker drawn on the page and selected with frames: the frame it covers is the base, the other an extra reference', async () => {
    const s = await openSession(h);
    await s.evaluate((host) => {
      const shot = host.page.children.find((c) => c.name === 'Pack shot')!;
      host.addLayer(host.page, { type: 'RECTANGLE', name: 'Mark', x: shot.x + 100, y: shot.y + 100, width: 300, height: 200 });
    });
    await s.page.evaluate(() => window.playground.selectByName(['Label', 'Mark', 'Pack shot']));
    await s.ui.getByText('Area ‘Mark’ on ‘Pack shot’').waitFor();
    await expect
      .poll(() => s.ui.getByRole('region', { name: 'References' }).getByRole('listitem').allTextContents())
      .toEqual([expect.stringMatching(/^Pack shot1200×900 · base/), expect.stringMatching(/^Label600×800/)]);
    await s.context.close();
  });

  it('with “Edit only this area” off, the whole frame is edited as usual, its marker left out of what is sent', async () => {
    const s = await openSession(h);
    await s.page.getByRole('button', { name: 'Retouch area on Pack shot' }).click();
    await s.ui.getByRole('checkbox', { name: 'Edit only this area' }).uncheck();
    await expect.poll(() => s.ui.getByLabel('Size').inputValue()).toBe('1K (4:3)');
    await s.useKey();
    await s.prompt('Warmer light');
    await s.generate();
    await s.ui.getByText(/Placed 1 image beside “Pack shot”/).waitFor({ timeout: 30_000 });
    const result = await resultOf(s, 'Pack shot — Riverflow 1');
    expect(result.type).toBe('RECTANGLE');
    const task = h.emulator.requests.flatMap((r) => r.tasks).find((t) => t.taskType === 'imageInference')!;
    const sent = await raw(h.emulator.firstReference(task.taskUUID as string)!);
    const k = sent.width / FRAME.width;
    const frame = await raw(await render(s, 'Pack shot', k));
    // At the marker's left edge, outside the circle beneath it: pink in the frame, the plain background in what was sent.
    const [x, y] = [Math.round((MARKER.x + 6) * k), Math.round((MARKER.y + MARKER.height / 2) * k)];
    expect(at(frame, x, y)[1]).toBeLessThan(at(sent, x, y)[1]! - 40);
    expect((await s.nodeNames()).some((n) => /temporary/i.test(n))).toBe(false);
    await s.context.close();
  });
});
