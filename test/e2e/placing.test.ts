import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './harness.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();
let s: Session;

beforeEach(async () => {
  s = await openSession(h);
  await s.useKey();
  await s.select('Box front');
  await s.prompt('Deep indigo');
});
afterEach(() => s.context.close());

describe('a paid image Figma refuses is never dropped', () => {
  it('refused once (Figma’s sandbox out of memory for a moment): placed at once on the next try, charged once', async () => {
    const before = (await s.nodeNames()).length;
    await s.evaluate((host) => host.refuseCreateImage(1));
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Box front”/).waitFor({ timeout: 20_000 });
    expect(await s.nodeNames()).toHaveLength(before + 1);
    expect(h.emulator.charges).toHaveLength(1);
  });

  it('refused every time: kept with Retry placing and Discard; Retry places it, nothing charged again', async () => {
    const before = (await s.nodeNames()).length;
    await s.evaluate((host) => host.refuseCreateImage(3));
    await s.generate();
    expect(await s.alertText()).toBe(
      'Figma could not place the image: in createImage: out of memory. It is paid for and kept: Retry placing, or it is placed the next time you open Riverflow.',
    );
    expect(await s.nodeNames()).toHaveLength(before);
    expect(await s.evaluate((host) => [...host.storage.keys()].filter((k) => k.startsWith('pendingRun:')).length)).toBe(1);
    await s.ui.getByRole('button', { name: 'Retry placing' }).click();
    await s.ui.getByText(/^Placed 1 result from an earlier run/).waitFor({ timeout: 20_000 });
    expect(await s.nodeNames()).toHaveLength(before + 1);
    expect(h.emulator.charges).toHaveLength(1);
    expect(await s.evaluate((host) => [...host.storage.keys()].filter((k) => k.startsWith('pendingRun:')).length)).toBe(0);
  });

  it('Discard, already paid: the kept run is forgotten and the panel says it was charged', async () => {
    await s.evaluate((host) => host.refuseCreateImage(3));
    await s.generate();
    await s.ui.getByRole('button', { name: 'Discard, already paid' }).click();
    await s.ui.getByText('Discarded. Runware had already charged for the image.').waitFor();
    expect(await s.evaluate((host) => [...host.storage.keys()].filter((k) => k.startsWith('pendingRun:')).length)).toBe(0);
    expect(h.emulator.charges).toHaveLength(1);
  });
});
