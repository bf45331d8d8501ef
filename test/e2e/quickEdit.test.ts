import { describe, expect, it } from 'vitest';
import { openSession } from './harness.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();
const inferenceTasks = () => h.emulator.requests.flatMap((r) => r.tasks).filter((t) => t.taskType === 'imageInference');

/** The quick edit (Quick actions → Quick edit selection): no panel, one notification. */
describe('quick edit', () => {
  it('edits the selection straight from the quick edit and reports through a notification', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.select('Box front');
    const before = await s.evaluate((host) => host.notifications.length);
    await s.page.evaluate(() => window.playground.quickEdit('Make it teal', '16:9'));
    await expect.poll(() => s.evaluate((host) => host.closed), { timeout: 15_000 }).toBe(true);
    expect((await s.evaluate((host) => host.notifications)).slice(before)).toEqual([{ message: 'Riverflow placed 1 image beside “Box front”.', error: false }]);
    expect(inferenceTasks()[0]).toMatchObject({ positivePrompt: 'Make it teal', width: 1280, height: 720 });
    expect(await s.nodeNames()).toContain('Box front — Riverflow 1');
    await s.context.close();
  });

  it('a long frame name and Runware’s own words still fit Figma’s 100 characters, the outcome first', async () => {
    h.emulator.reset();
    const s = await openSession(h);
    await s.useKey();
    const long = 'Box front — spring campaign, retailer variant B, approved by brand team, final final v7';
    await s.evaluate((host) => {
      host.page.children.find((n) => n.name === 'Box front')!.name = 'Box front — spring campaign, retailer variant B, approved by brand team, final final v7';
    });
    await s.select(long);
    const before = await s.evaluate((host) => host.notifications.length);
    await s.page.evaluate(() => window.playground.quickEdit('Make it teal'));
    await expect.poll(() => s.evaluate((host) => host.closed), { timeout: 15_000 }).toBe(true);
    const [placed] = (await s.evaluate((host) => host.notifications)).slice(before);
    expect(placed!.message.length).toBeLessThanOrEqual(100);
    expect(placed!.message).toMatch(/^Riverflow placed 1 image beside “Box front — spring campaign.*…”\.$/);
    // Refused by Runware: what happened (and that it cost nothing) comes before Runware’s reason.
    await s.reopen();
    h.emulator.inject({ on: 'imageInference', status: 402, error: { code: 'insufficientCredits', message: 'Insufficient credits' } });
    await s.select(long);
    const next = await s.evaluate((host) => host.notifications.length);
    await s.page.evaluate(() => window.playground.quickEdit('Make it teal'));
    await expect.poll(() => s.evaluate((host) => host.closed), { timeout: 15_000 }).toBe(true);
    const [refused] = (await s.evaluate((host) => host.notifications)).slice(next);
    expect(refused!.message.length).toBeLessThanOrEqual(100);
    expect(refused!.message).toMatch(/^Not edited, nothing charged: Your Runware account is out of credits\./);
    expect(refused!.error).toBe(true);
    await s.context.close();
  });

  it('says what is wrong, in a notification, without running', async () => {
    const s = await openSession(h);
    await s.useKey();
    const before = await s.evaluate((host) => host.notifications.length);
    await s.page.evaluate(() => window.playground.quickEdit('Make it teal'));
    await expect.poll(() => s.evaluate((host) => host.closed), { timeout: 15_000 }).toBe(true);
    expect((await s.evaluate((host) => host.notifications)).slice(before)).toEqual([
      { message: 'Select a frame, group, component or image on the canvas.', error: true },
    ]);
    await s.select('Box front');
    await s.page.evaluate(() => window.playground.quickEdit('Make it teal', '5:4'));
    await expect
      .poll(() => s.evaluate((host) => host.notifications.at(-1)))
      .toEqual({ message: '“5:4” is not one of Riverflow 1.1 Pro’s sizes.', error: true });
    expect(h.emulator.requests).toEqual([]);
    await s.context.close();
  });
});
