import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, openSession, type Session } from './harness.ts';
import { at, diff, frameState, raw, render, resultOf, undoCount } from './pixels.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();
const FRAME = { width: 1200, height: 900 };
const LOGO = { x: 900, y: 90, width: 220, height: 160 };
const BARCODE = { x: 880, y: 680, width: 234, height: 120 };

async function protect(s: Session, layer: string, frame = 'Snack pack') {
  await s.page.getByRole('button', { name: `${layer} on ${frame}` }).click();
  await s.ui.getByRole('button', { name: `Protect “${layer}”` }).click();
  await s.ui.getByRole('button', { name: `Unprotect “${layer}”` }).waitFor();
}

/** Points inside an ellipse's box, in frame units, at a fraction of its radii from its centre. */
const onEllipse = (box: typeof LOGO, fraction: number, angle: number) => ({
  x: box.x + box.width / 2 + Math.cos(angle) * (box.width / 2) * fraction,
  y: box.y + box.height / 2 + Math.sin(angle) * (box.height / 2) * fraction,
});

/** A result of the Snack pack beside the frame's own render at the result's scale: its logo, inside its ellipse, is the frame's (±1). */
async function expectLogoKept(s: Session, name: string, angle: number) {
  const out = await raw(Buffer.from((await resultOf(s, name)).image, 'base64'));
  const scale = out.width / FRAME.width;
  const frame = await raw(await render(s, 'Snack pack', scale));
  for (const fraction of [0, 0.5, 0.95]) {
    const q = onEllipse(LOGO, fraction, angle);
    const [x, y] = [Math.floor(q.x * scale), Math.floor(q.y * scale)];
    expect(diff(at(out, x, y), at(frame, x, y)), `${name}: logo at ${x},${y}`).toBeLessThanOrEqual(1);
  }
  return { out, frame, scale };
}

describe('Protect: layers that must come back exactly', () => {
  it('a protected barcode and logo are the frame’s own pixels in every result, through the logo’s outline, the model’s elsewhere', async () => {
    const s = await openSession(h);
    await s.useKey();
    await protect(s, 'Logo');
    await protect(s, 'Barcode');
    await s.select('Snack pack');
    await s.ui.getByRole('region', { name: 'References' }).getByText('Protected: Logo, Barcode').waitFor();
    const before = await frameState(s, 'Snack pack');
    const undo = await undoCount(s);
    await s.prompt('Autumn edition, warm colours');
    await s.ui.getByLabel('Variations').fill('2');
    await s.generate();
    await s.ui.getByText(/^Placed 2 images beside “Snack pack”/).waitFor({ timeout: 30_000 });
    await s.page.screenshot({ path: `${OUTPUT_DIR}/protect.png` });
    expect(await frameState(s, 'Snack pack')).toBe(before);
    expect((await undoCount(s)) - undo).toBe(2);
    for (const name of ['Snack pack — Riverflow 1', 'Snack pack — Riverflow 2']) {
      const result = await resultOf(s, name);
      const out = await raw(Buffer.from(result.image, 'base64'));
      const scale = out.width / FRAME.width;
      const frame = await raw(await render(s, 'Snack pack', scale));
      const px = (p: { x: number; y: number }) => [Math.floor(p.x * scale), Math.floor(p.y * scale)] as const;
      // Inside the logo's outline, to its very edge: the frame's own pixels.
      for (const fraction of [0, 0.5, 0.9, 0.97])
        for (let angle = 0; angle < 2 * Math.PI; angle += Math.PI / 6) {
          const [x, y] = px(onEllipse(LOGO, fraction, angle));
          expect(diff(at(out, x, y), at(frame, x, y)), `logo at ${x},${y}`).toBeLessThanOrEqual(1);
        }
      // The logo's box outside its ellipse (a corner) is the model's: protection follows the outline, not the box.
      const [cx, cy] = px({ x: LOGO.x + 4, y: LOGO.y + 4 });
      expect(diff(at(out, cx, cy), at(frame, cx, cy))).toBeGreaterThan(8);
      // Every pixel of the barcode, bars and gaps.
      let worst = 0;
      for (let y = Math.ceil(BARCODE.y * scale); y < Math.floor((BARCODE.y + BARCODE.height) * scale); y++)
        for (let x = Math.ceil(BARCODE.x * scale); x < Math.floor((BARCODE.x + BARCODE.width) * scale); x++)
          worst = Math.max(worst, diff(at(out, x, y), at(frame, x, y)));
      expect(worst).toBeLessThanOrEqual(1);
      // Away from them, the model's picture.
      const [fx, fy] = px({ x: 300, y: 300 });
      expect(diff(at(out, fx, fy), at(frame, fx, fy))).toBeGreaterThan(8);
    }
    // One line per variation: the change to the frame, and each protected layer named as given back.
    const line = s.ui.getByTestId('change-line');
    await expect
      .poll(() => line.textContent())
      .toMatch(
        /^Variation \d: \d+(\.\d)? % of the frame changed · Logo restored \(it had drifted \d+(\.\d)? %\) · Barcode restored \(it had drifted \d+(\.\d)? %\)$/,
      );
    await s.ui.getByTestId('closest').waitFor();
    const show = s.ui.getByRole('button', { name: 'Show changes' });
    await show.focus();
    await s.page.keyboard.press('Enter');
    expect(await show.getAttribute('aria-pressed')).toBe('true');
    await s.ui.getByRole('img', { name: /^Where Variation \d differs from the source$/ }).waitFor();
    await s.page.locator('iframe[title="Riverflow plugin"]').screenshot({ path: `${OUTPUT_DIR}/show-changes.png` });
    // Finish with…: the final of a protected frame gives its layers back too.
    await s.select('Snack pack — Riverflow 1');
    const finish = s.ui.getByRole('region', { name: 'Finish with…' });
    await finish.getByLabel('Final model and tier').selectOption({ label: 'Riverflow 2.0 Fast · 1K' });
    await finish.getByRole('button', { name: 'Finish with Riverflow 2.0 Fast at 1K' }).click();
    await s.ui.getByText(/^Placed 1 image beside “Snack pack — Riverflow 1”/).waitFor({ timeout: 30_000 });
    await expectLogoKept(
      s,
      (await s.nodeNames()).find((n) => n.startsWith('Snack pack — Riverflow 1 — '))!,
      2,
    );
    // Unprotect: the frame's list follows, and it is the designer's own undo step.
    await s.page.getByRole('button', { name: 'Logo on Snack pack' }).click();
    await s.ui.getByRole('button', { name: 'Unprotect “Logo”' }).click();
    await s.ui.getByRole('button', { name: 'Protect “Logo”' }).waitFor();
    await s.select('Snack pack');
    await s.ui.getByRole('region', { name: 'References' }).getByText('Protected: Barcode').waitFor();
    await s.context.close();
  });

  it('a protected frame finished at 4K keeps every pixel the final was paid for: tiles of 4608×3456, the barcode the frame’s own', async () => {
    const s = await openSession(h);
    await s.useKey();
    await protect(s, 'Barcode');
    await s.select('Snack pack');
    await s.prompt('Autumn edition, warm colours');
    await s.ui.getByLabel('Variations').fill('1');
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Snack pack”/).waitFor({ timeout: 30_000 });
    await s.select('Snack pack — Riverflow 1');
    const finish = s.ui.getByRole('region', { name: 'Finish with…' });
    await finish.getByLabel('Final model and tier').selectOption({ label: 'Riverflow 2.0 Pro · 4K' });
    await finish.getByRole('button', { name: 'Finish with Riverflow 2.0 Pro at 4K' }).click();
    const placed = s.ui.getByText(/^Placed 1 image beside “Snack pack — Riverflow 1”/);
    await placed.waitFor({ timeout: 60_000 });
    // Made at full size: no "made at N% of its size".
    expect(await placed.textContent()).not.toMatch(/% of its size/);
    const name = (await s.nodeNames()).find((n) => n.startsWith('Snack pack — Riverflow 1 — '))!;
    const { tiles, width } = await s.page.evaluate((n) => {
      const host = window.playground.host;
      const node = host.page.children.find((c) => c.name === n)!;
      const b64 = (bytes: Uint8Array) => {
        let bin = '';
        for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(bin);
      };
      return { width: node.width, tiles: node.children.map((t) => b64(host.images.get((t.fills as ImagePaint[])[0]!.imageHash!)!)) };
    }, name);
    expect(width).toBe(FRAME.width);
    const parts = await Promise.all(tiles.map((t) => raw(Buffer.from(t, 'base64'))));
    expect(parts.map((p) => [p.width, p.height])).toEqual([
      [2304, 3456],
      [2304, 3456],
    ]);
    // The barcode lies in the right tile: every pixel of it, at 4K, is the frame's own render at 4K (±1).
    const scale = 4608 / FRAME.width;
    const frame = await raw(await render(s, 'Snack pack', scale));
    const right = parts[1]!;
    let worst = 0;
    for (let y = Math.ceil(BARCODE.y * scale); y < Math.floor((BARCODE.y + BARCODE.height) * scale); y++)
      for (let x = Math.ceil(BARCODE.x * scale); x < Math.floor((BARCODE.x + BARCODE.width) * scale); x++)
        worst = Math.max(worst, diff(at(right, x - 2304, y), at(frame, x, y)));
    expect(worst).toBeLessThanOrEqual(1);
    // Away from it, the model's picture.
    const [fx, fy] = [Math.floor(300 * scale), Math.floor(300 * scale)];
    expect(diff(at(parts[0]!, fx, fy), at(frame, fx, fy))).toBeGreaterThan(8);
    await s.context.close();
  });

  it('a protected text layer in a missing font comes back by its box, with text kept sharp or not; in an area edit and in Edit each frame too', async () => {
    const s = await openSession(h);
    await s.useKey();
    // Text has no canvas button here: selected as Figma's layers panel would.
    await s.page.evaluate(() => window.playground.selectByName(['Price tag/Best before']));
    await s.ui.getByRole('button', { name: 'Protect “Best before”' }).click();
    await s.ui.getByRole('button', { name: 'Unprotect “Best before”' }).waitFor();
    await s.select('Price tag');
    await s.ui.getByRole('region', { name: 'References' }).getByText('Protected: Best before').waitFor();
    await s.prompt('Make the tag pastel pink');
    const BEST_BEFORE = (await s.evaluate(
      `((host) => { const t = host.page.children.find((c) => c.name === 'Price tag').children.find((c) => c.name === 'Best before'); return { x: t.x, y: t.y, width: t.width, height: t.height }; })` as never,
    )) as { x: number; y: number; width: number; height: number };
    const boxWorst = async (name: string) => {
      const out = await raw(Buffer.from((await resultOf(s, name)).image, 'base64'));
      const scale = out.width / 1200;
      const frame = await raw(await render(s, 'Price tag', scale));
      let worst = 0;
      for (let y = Math.ceil(BEST_BEFORE.y * scale); y < Math.floor((BEST_BEFORE.y + BEST_BEFORE.height) * scale); y++)
        for (let x = Math.ceil(BEST_BEFORE.x * scale); x < Math.floor((BEST_BEFORE.x + BEST_BEFORE.width) * scale); x++)
          worst = Math.max(worst, diff(at(out, x, y), at(frame, x, y)));
      return worst;
    };
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Price tag”/).waitFor({ timeout: 30_000 });
    expect(await boxWorst('Price tag — Riverflow 1')).toBeLessThanOrEqual(1);
    // Each run numbers its own variations: the first run's result is renamed out of the way.
    await s.evaluate(`((host) => void (host.page.children.find((c) => c.name === 'Price tag — Riverflow 1').name = 'Price tag — first run'))` as never);
    // Placing selects the result: the frame is selected again for the next run, as a designer would.
    await s.select('Price tag');
    await s.ui.getByRole('checkbox', { name: 'Keep text layers sharp' }).check();
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Price tag”/).waitFor({ timeout: 30_000 });
    expect(await boxWorst('Price tag — Riverflow 1')).toBeLessThanOrEqual(1);
    await s.ui.getByRole('checkbox', { name: 'Keep text layers sharp' }).uncheck();

    // An area edit: a seal protected inside the marked area stays, the rest of the area is the model's.
    await s.evaluate(
      `((host) => host.addLayer(host.page.children.find((c) => c.name === 'Pack shot'), { type: 'ELLIPSE', name: 'Seal', x: 880, y: 220, width: 100, height: 100, color: '#123456', opacity: 1 }))` as never,
    );
    await protect(s, 'Seal', 'Pack shot');
    // The seal lies over the marker's middle on the canvas: the marker is picked from the layers.
    await s.page.evaluate(() => window.playground.selectByName(['Pack shot/Retouch area']));
    await s.ui.getByText('Area ‘Retouch area’ on ‘Pack shot’').waitFor();
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Pack shot”/).waitFor({ timeout: 30_000 });
    const area = await raw(Buffer.from((await resultOf(s, 'Pack shot — Riverflow area 1')).image, 'base64'));
    const areaScale = area.width / 1200;
    const packShot = await raw(await render(s, 'Pack shot', areaScale));
    const p = (x: number, y: number) => [Math.floor(x * areaScale), Math.floor(y * areaScale)] as const;
    for (const [x, y] of [p(930, 270), p(900, 250), p(960, 290)]) expect(diff(at(area, x, y), at(packShot, x, y))).toBeLessThanOrEqual(1);
    const [mx, my] = p(830, 200);
    expect(diff(at(area, mx, my), at(packShot, mx, my))).toBeGreaterThan(8);

    // Edit each frame: the Snack pack's protected logo comes back in its own result.
    await protect(s, 'Logo');
    await s.select('Snack pack', 'Box front');
    await s.ui.getByRole('radio', { name: 'Edit each frame' }).check();
    await s.ui.getByRole('button', { name: 'Generate for 2 frames' }).click();
    await s.ui.getByText(/^Placed 2 images for 2 frames/).waitFor({ timeout: 60_000 });
    await expectLogoKept(s, 'Snack pack — Riverflow 1', 1);
    await s.context.close();
  });

  it('on Riverflow 2.5, the protected layers are told to its judge too', async () => {
    h.emulator.reset();
    const s = await openSession(h);
    await s.useKey();
    await protect(s, 'Barcode');
    await s.select('Snack pack');
    await s.ui.getByLabel('Model', { exact: true }).selectOption({ label: 'Riverflow 2.5 Fast — cutouts, judged candidates, priced by thinking' });
    await s.prompt('Autumn edition, warm colours');
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Snack pack”/).waitFor({ timeout: 30_000 });
    const task = h.emulator.requests.flatMap((r) => r.tasks).find((t) => t.taskType === 'imageInference')!;
    expect((task.settings as { scoringRubric: unknown }).scoringRubric).toEqual([
      { key: 'protected_layers', label: 'Protected layers unchanged', description: '“Barcode” is unchanged in position, shape and colour.', weight: 1 },
    ]);
    await s.context.close();
  });

  it('the quick edit gives protected layers back too, unseen', async () => {
    const s = await openSession(h);
    await s.useKey();
    await protect(s, 'Logo');
    await s.select('Snack pack');
    await s.page.evaluate(() => window.playground.quickEdit('Autumn edition, warm colours'));
    await expect.poll(() => s.evaluate((host) => host.closed), { timeout: 30_000 }).toBe(true);
    const { out, frame, scale } = await expectLogoKept(s, 'Snack pack — Riverflow 1', 3);
    const [fx, fy] = [Math.floor(300 * scale), Math.floor(300 * scale)];
    expect(diff(at(out, fx, fy), at(frame, fx, fy))).toBeGreaterThan(8);
    await s.context.close();
  });
});
