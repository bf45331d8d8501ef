import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, openSession, type Session } from './harness.ts';
import { at, diff, frameState, raw, render, resultOf, undoCount } from './pixels.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();
const FRAME = { width: 1200, height: 900 };
const LOGO = { x: 900, y: 90, width: 220, height: 160 };
const BARCODE = { x: 880, y: 680, width: 234, height: 120 };

async function protect(s: Session, layer: string) {
  await s.page.getByRole('button', { name: `${layer} on Snack pack` }).click();
  await s.ui.getByRole('button', { name: `Protect “${layer}”` }).click();
  await s.ui.getByRole('button', { name: `Unprotect “${layer}”` }).waitFor();
}

/** Points inside an ellipse's box, in frame units, at a fraction of its radii from its centre. */
const onEllipse = (box: typeof LOGO, fraction: number, angle: number) => ({
  x: box.x + box.width / 2 + Math.cos(angle) * (box.width / 2) * fraction,
  y: box.y + box.height / 2 + Math.sin(angle) * (box.height / 2) * fraction,
});

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
    // Unprotect: the frame's list follows, and it is the designer's own undo step.
    await s.page.getByRole('button', { name: 'Logo on Snack pack' }).click();
    await s.ui.getByRole('button', { name: 'Unprotect “Logo”' }).click();
    await s.ui.getByRole('button', { name: 'Protect “Logo”' }).waitFor();
    await s.select('Snack pack');
    await s.ui.getByRole('region', { name: 'References' }).getByText('Protected: Barcode').waitFor();
    await s.context.close();
  });
});
