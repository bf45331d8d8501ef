import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, openSession } from './harness.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();
const inference = () => h.emulator.requests.flatMap((r) => r.tasks).filter((t) => t.taskType === 'imageInference');

describe('no surprise spend', () => {
  it('a batch above the threshold asks first, nothing sent until Spend; Escape drops it; below the threshold it just runs', async () => {
    h.emulator.reset();
    const s = await openSession(h);
    await s.useKey();
    await s.select('Box front', 'Label');
    await s.ui.getByRole('radio', { name: 'Edit each frame' }).check();
    await s.prompt('Deep indigo box, gold foil');
    await s.ui.getByLabel('Variations').fill('20');
    // 2 frames × 20 variations × $0.077 on 1.1 Pro: $3.08, under the $5 default.
    await s.ui.getByRole('button', { name: 'Advanced' }).click();
    await s.ui.getByLabel('Ask before spending more than ($)').fill('3');
    await s.ui.getByRole('button', { name: 'Generate for 2 frames' }).click();
    const ask = s.ui.getByRole('alertdialog', { name: 'Generate for 2 frames: $3.08' });
    await ask.waitFor();
    expect(await ask.getByText(/^40 images × \$0\.077 on Riverflow 1\.1 Pro\. That is above the \$3\.00 you asked to confirm/).count()).toBe(1);
    // Focus is on the amount: the keyboard path is Enter to spend, Escape to drop.
    expect(await s.ui.getByRole('button', { name: 'Spend $3.08' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await s.page.locator('iframe[title="Riverflow plugin"]').screenshot({ path: `${OUTPUT_DIR}/spend-confirm.png` });
    await s.page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(inference()).toHaveLength(0);
    // Asked again, Cancel drops it too; then Spend sends it.
    await s.ui.getByRole('button', { name: 'Generate for 2 frames' }).click();
    await s.ui.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(inference()).toHaveLength(0);
    await s.ui.getByLabel('Variations').fill('2');
    // $0.31 now: under the threshold, no question.
    await s.ui.getByRole('button', { name: 'Generate for 2 frames' }).click();
    await s.ui.getByText(/^Placed 4 images for 2 frames/).waitFor({ timeout: 60_000 });
    expect(await s.ui.getByRole('alertdialog').count()).toBe(0);
    expect(inference()).toHaveLength(4);
    await s.context.close();
  });

  it('Spend sends exactly what was quoted; a quick edit above the threshold sends nothing and says where to run it', async () => {
    h.emulator.reset();
    const s = await openSession(h);
    await s.useKey();
    await s.select('Box front');
    await s.prompt('Deep indigo box, gold foil');
    await s.ui.getByRole('button', { name: 'Advanced' }).click();
    await s.ui.getByLabel('Ask before spending more than ($)').fill('0');
    await s.generate();
    await s.ui.getByRole('button', { name: 'Spend $0.077' }).click();
    await s.ui.getByText(/^Placed 1 image beside “Box front”\. Cost \$0\.077\./).waitFor();
    expect(inference()).toHaveLength(1);
    await expect.poll(() => s.ui.getByTestId('estimate').textContent()).toMatch(/ · this session \$0\.077 · this month \$0\.077$/);
    // This month's spend is kept on this computer: a new session starts its own count from zero.
    await s.reopen();
    await expect.poll(() => s.ui.getByTestId('estimate').textContent()).toMatch(/\) · this month \$0\.077$/);
    // The threshold is remembered: the quick edit reads it, and cannot ask.
    const before = await s.evaluate((host) => host.notifications.length);
    await s.page.evaluate(() => window.playground.quickEdit('Make it teal'));
    await expect.poll(() => s.evaluate((host) => host.closed), { timeout: 15_000 }).toBe(true);
    expect((await s.evaluate((host) => host.notifications)).slice(before)).toEqual([
      { message: 'Not sent: $0.077 is over your limit. Run it from the Riverflow panel.', error: true },
    ]);
    expect(inference()).toHaveLength(1);
    await s.context.close();
  });
});
