import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, openSession } from './harness.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();

/** The playground's "real file": a section with two frames, a component and its instance, a shelf banner, P3 colour. */
describe('the file as designers keep it, in Chromium', () => {
  it('a frame in a section: the result lands in that section beside it, and the section grows to hold it', async () => {
    h.emulator.reset();
    const s = await openSession(h);
    await s.useKey();
    await s.select('Box side');
    await s.prompt('Deep indigo side panel');
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Box side”/).waitFor();
    const placed = await s.evaluate((host) => {
      const section = host.page.children.find((n) => n.name === 'Packaging')!;
      const result = section.children.find((n) => n.name === 'Box side — Riverflow 1');
      return {
        inSection: !!result,
        sectionWidth: section.width,
        right: result ? result.x + result.width : 0,
        onPage: host.page.children.some((n) => n.name.startsWith('Box side —')),
      };
    });
    expect(placed).toMatchObject({ inSection: true, onPage: false });
    expect(placed.right).toBeLessThanOrEqual(placed.sectionWidth);
    await s.page.evaluate(() => window.playground.focus('Packaging'));
    await s.page.locator('#canvas').screenshot({ path: `${OUTPUT_DIR}/section.png` });
    await s.context.close();
  });

  it('a 3000×300 shelf banner and an instance of a component are edited like frames; Runware takes the banner, padded', async () => {
    h.emulator.reset();
    const s = await openSession(h);
    await s.useKey();
    for (const name of ['Shelf banner', 'Badge on shelf']) {
      await s.select(name);
      await s.prompt('Warmer colours');
      await s.generate();
      await s.ui.getByText(new RegExp(`^Placed 1 image beside “${name}”`)).waitFor();
    }
    expect(h.emulator.charges).toHaveLength(2);
    await s.context.close();
  });

  it('a Display P3 file: every export sent to Runware was asked for in sRGB', async () => {
    h.emulator.reset();
    const s = await openSession(h, { query: 'colorProfile=p3' });
    expect(await s.evaluate((host) => (host.figma.root as unknown as { documentColorProfile: string }).documentColorProfile)).toBe('DISPLAY_P3');
    await s.useKey();
    await s.select('Box front', 'Label');
    await s.prompt('Deep indigo');
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Box front”/).waitFor();
    const profiles = await s.evaluate((host) => host.exportCalls.map((c) => c.profile));
    expect(profiles.length).toBeGreaterThanOrEqual(2);
    expect(new Set(profiles)).toEqual(new Set(['SRGB']));
    await s.context.close();
  });
});
