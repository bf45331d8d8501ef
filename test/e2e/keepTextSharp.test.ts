import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, openSession } from './harness.ts';
import { at, dark, frameState, raw, render, resultOf, undoCount, type Raw } from './pixels.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();
const FRAME = { width: 1200, height: 900 };

/** A session on “Price tag” with “Keep text layers sharp” on, the key saved and a prompt typed. */
async function priceTagKeepingText(prompt: string) {
  const s = await openSession(h);
  await s.select('Price tag');
  await s.ui.getByRole('checkbox', { name: 'Keep text layers sharp' }).check();
  await s.useKey();
  await s.prompt(prompt);
  return s;
}

describe('Keep text layers sharp, in Chromium', () => {
  it('sends the frame without its words, and places a frame with the image and the live text on top', async () => {
    const s = await openSession(h);
    await s.select('Price tag');
    const keep = s.ui.getByRole('checkbox', { name: 'Keep text layers sharp' });
    expect(await keep.isChecked()).toBe(false);
    await keep.check();
    await s.ui.getByText('5 text layers stay live text on top of the result', { exact: false }).waitFor();
    await s.useKey();
    await s.prompt('Summer picnic backdrop');
    const before = await frameState(s, 'Price tag');
    const undo = await undoCount(s);
    await s.generate();
    await s.ui
      .getByText(/Placed 1 image beside “Price tag”\. Drawn into the image, since its font is not available here: “Best before”\./)
      .waitFor({ timeout: 30_000 });
    await s.page.locator('iframe[title="Riverflow plugin"]').screenshot({ path: `${OUTPUT_DIR}/keep-text-panel.png` });
    await s.page.evaluate(() => window.playground.focus('Price tag'));
    await s.page.locator('#canvas').screenshot({ path: `${OUTPUT_DIR}/keep-text-sharp.png` });
    await s.page.evaluate(() => window.playground.focus(null));

    // The reference the model read has no text pixels where the price was; the frame's render has many.
    const task = h.emulator.requests.flatMap((r) => r.tasks).find((t) => t.taskType === 'imageInference')!;
    const sent = await raw(h.emulator.firstReference(task.taskUUID as string)!);
    const framePx = await raw(await render(s, 'Price tag', sent.width / FRAME.width));
    const price = { x: 80, y: 380, width: 380, height: 160 };
    // The side label runs up the right edge, turned a quarter.
    const side = { x: 1140, y: 290, width: 32, height: 265 };
    const darkIn = (img: Raw, k: number, box: typeof price) => {
      let n = 0;
      for (let y = Math.round(box.y * k); y < (box.y + box.height) * k; y++)
        for (let x = Math.round(box.x * k); x < (box.x + box.width) * k; x++) n += dark(at(img, x, y)) ? 1 : 0;
      return n;
    };
    const k = sent.width / FRAME.width;
    expect(darkIn(framePx, k, price)).toBeGreaterThan(2_000);
    expect(darkIn(sent, k, price)).toBe(0);
    expect(darkIn(framePx, k, side)).toBeGreaterThan(300);
    expect(darkIn(sent, k, side)).toBe(0);

    const result = await resultOf(s, 'Price tag — Riverflow 1');
    expect([result.type, result.width, result.height]).toEqual(['FRAME', 1200, 900]);
    expect(result.children).toEqual([
      { type: 'TEXT', name: 'Product', x: 80, y: 90, rotation: 0, characters: 'Hibiscus & ginger' },
      { type: 'TEXT', name: 'Price', x: 80, y: 380, rotation: 0, characters: '€4.99' },
      { type: 'TEXT', name: 'Ingredients', x: 80, y: 592, rotation: 0, characters: 'Ingredients: water, hibiscus (12%), ginger, lemon juice' },
      // Turned text keeps its turn and its place.
      { type: 'TEXT', name: 'Side label', x: 1140, y: 560, rotation: 90, characters: 'Organic · Fairtrade' },
    ]);
    // "Best before" (a font this machine lacks) is drawn into the image where it was.
    const image = await raw(Buffer.from(result.image, 'base64'));
    const s2 = image.width / FRAME.width;
    let drawn = 0;
    for (let y = Math.round(702 * s2); y < 730 * s2; y++)
      for (let x = Math.round(82 * s2); x < 400 * s2; x++) drawn += at(image, x, y).every((c) => c < 90) ? 1 : 0;
    expect(drawn).toBeGreaterThan(200);
    expect((await s.nodeNames()).some((n) => /temporary/i.test(n))).toBe(false);
    expect(await frameState(s, 'Price tag')).toBe(before);
    expect((await undoCount(s)) - undo).toBe(1);
    // The compare view shows the result as the canvas does: with its live price on top.
    const compareDark = async () => {
      const frame = s.page.frames().find((f) => f.url().includes('/plugin/ui.html'))!;
      return frame.evaluate(async () => {
        const img = document.querySelector<HTMLImageElement>('img.compare-after')!;
        await img.decode();
        const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const k = img.naturalWidth / 1200;
        const d = ctx.getImageData(Math.round(80 * k), Math.round(380 * k), Math.round(380 * k), Math.round(160 * k)).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) n += d[i]! < 70 && d[i + 1]! < 70 && d[i + 2]! < 70 ? 1 : 0;
        return n;
      });
    };
    await expect.poll(compareDark, { timeout: 10_000 }).toBeGreaterThan(500);
    // The choice is remembered for next time.
    await s.reopen();
    await s.select('Price tag');
    expect(await s.ui.getByRole('checkbox', { name: 'Keep text layers sharp' }).isChecked()).toBe(true);
    await s.context.close();
  });

  it('closed while Riverflow works: the next start composites the result and keeps its text live', async () => {
    const s = await priceTagKeepingText('Autumn backdrop');
    h.emulator.set({ processingPolls: 10_000 });
    await s.generate();
    await s.ui.getByText(/Riverflow is working/).waitFor();
    await s.evaluate((host) => host.close());
    h.emulator.finishAll();
    await s.reopen();
    await s.ui
      .getByText('Placed 1 result from an earlier run that was interrupted. Drawn into the image, since its font is not available here: “Best before”.')
      .waitFor({ timeout: 15_000 });
    const result = await resultOf(s, 'Price tag — Riverflow 1');
    expect([result.type, result.children.map((c) => c.name)]).toEqual(['FRAME', ['Product', 'Price', 'Ingredients', 'Side label']]);
    expect(h.emulator.charges).toHaveLength(1);
    expect((await s.nodeNames()).some((n) => /temporary/i.test(n))).toBe(false);
    await s.context.close();
  });

  it('the quick edit follows the same choices: an area edited alone, text kept sharp as remembered', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.select('Price tag');
    await s.ui.getByRole('checkbox', { name: 'Keep text layers sharp' }).check();
    await s.page.getByRole('button', { name: 'Retouch area on Pack shot' }).click();
    await s.ui.getByText('Area ‘Retouch area’ on ‘Pack shot’').waitFor();
    const before = await s.evaluate((host) => host.notifications.length);
    await s.page.evaluate(() => window.playground.quickEdit('A leaf'));
    await expect.poll(() => s.evaluate((host) => host.closed), { timeout: 15_000 }).toBe(true);
    expect((await s.evaluate((host) => host.notifications)).slice(before)).toEqual([{ message: 'Riverflow placed 1 image beside “Pack shot”.', error: false }]);
    const result = await resultOf(s, 'Pack shot — Riverflow area 1');
    expect([result.type, result.children.map((c) => c.name)]).toEqual(['FRAME', ['Price']]);
    await s.context.close();
  });

  it('upscales a result with live text for print: its image uploaded once, the text live again on the upscaled frame', async () => {
    const s = await priceTagKeepingText('Summer picnic backdrop');
    await s.generate();
    await s.ui.getByText(/Placed 1 image beside “Price tag”/).waitFor({ timeout: 30_000 });
    // The result is selected after the run: its upscale uploads the composite (Runware does not hold it).
    await s.ui.getByRole('heading', { name: 'Upscale for print' }).waitFor();
    await s.ui.getByText(/uploaded once first/).waitFor();
    expect(await s.ui.getByRole('button', { name: /^Upscale ×/ }).allTextContents()).toEqual(['Upscale ×2', 'Upscale ×3']);
    const uploads = () => h.emulator.requests.flatMap((r) => r.tasks).filter((t) => t.taskType === 'imageUpload').length;
    const before = uploads();
    await s.ui.getByRole('button', { name: 'Upscale ×2' }).click();
    await s.ui.getByText(/^Placed “Price tag — Riverflow 1” upscaled ×2 beside it\./).waitFor({ timeout: 30_000 });
    expect(uploads() - before).toBe(1);
    const up = await resultOf(s, 'Price tag — Riverflow 1 — upscaled ×2');
    expect([up.type, up.width, up.height]).toEqual(['FRAME', 1200, 900]);
    expect(up.children.map((c) => [c.name, c.x, c.y, c.rotation])).toEqual([
      ['Product', 80, 90, 0],
      ['Price', 80, 380, 0],
      ['Ingredients', 80, 592, 0],
      ['Side label', 1140, 560, 90],
    ]);
    const image = await raw(Buffer.from(up.image, 'base64'));
    expect([image.width, image.height]).toEqual([2400, 1800]);
    // Again at ×3: the composite's upload is reused, nothing is sent twice.
    await s.page.evaluate(() => window.playground.selectByName(['Price tag — Riverflow 1']));
    await s.ui.getByRole('button', { name: 'Upscale ×3' }).click();
    await s.ui.getByText(/^Placed “Price tag — Riverflow 1” upscaled ×3 beside it\./).waitFor({ timeout: 30_000 });
    expect(uploads() - before).toBe(1);
    expect(h.emulator.charges).toHaveLength(3);
    await s.context.close();
  });
});
