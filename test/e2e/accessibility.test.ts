import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, openSession, type Session } from './harness.ts';
import { sharedHarness } from './sharedHarness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const h = sharedHarness();

/** axe-core, injected into the plugin iframe, on the panel as it is now: every rule, colour contrast included. */
async function violations(s: Session): Promise<string[]> {
  const frame = s.page.frames().find((f) => f.url().includes('/plugin/ui.html'))!;
  await frame.evaluate(axeSource);
  const result = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } })
      .axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility, measured with axe-core on every panel state', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`has no violations in the ${theme} theme: first run, nothing selected, one and several frames, compare view, upscale, running, errors, history, batch`, async () => {
      const s = await openSession(h, { theme });
      const seen: Record<string, string[]> = {};
      await s.ui.getByRole('region', { name: 'What is sent, and where' }).waitFor();
      seen['first run, with what is sent'] = await violations(s);
      await s.useKey();
      seen['nothing selected'] = await violations(s);
      await s.ui.getByRole('button', { name: 'What is sent' }).click();
      await s.ui.getByRole('region', { name: 'What is sent, and where' }).waitFor();
      seen['what is sent, opened'] = await violations(s);
      await s.ui.getByRole('button', { name: 'What is sent' }).click();
      await s.select('Box front');
      await s.prompt('Deep indigo');
      seen['one frame'] = await violations(s);
      await s.page.getByRole('button', { name: 'Retouch area on Pack shot' }).click();
      await s.ui.getByText('Area ‘Retouch area’ on ‘Pack shot’').waitFor();
      await s.ui.getByRole('checkbox', { name: 'Keep text layers sharp' }).check();
      await s.ui.getByRole('button', { name: 'Advanced' }).click();
      await s.ui.getByLabel('Area edge softness (% of the area)').waitFor();
      seen['marked area, text kept sharp, advanced'] = await violations(s);
      await s.page.locator('iframe[title="Riverflow plugin"]').screenshot({ path: `${OUTPUT_DIR}/a11y-area-${theme}.png` });
      await s.ui.getByRole('checkbox', { name: 'Keep text layers sharp' }).uncheck();
      await s.ui.getByRole('button', { name: 'Advanced' }).click();
      await s.select('Box front', 'Label', 'Poster 16:9');
      seen['several frames'] = await violations(s);
      await s.select('Box front');
      await s.ui.getByLabel('Variations').fill('2');
      await s.generate();
      await s.ui.getByRole('slider', { name: 'Compare' }).waitFor();
      await s.ui.getByRole('img', { name: 'Source frame' }).waitFor();
      seen['compare view'] = await violations(s);
      // The change map: measured, marked closest, laid over the compare view by its toggle.
      await s.ui.getByTestId('closest').waitFor();
      await s.ui.getByRole('button', { name: 'Show changes' }).click();
      await s.ui.getByRole('img', { name: /^Where Variation \d differs from the source$/ }).waitFor();
      seen['compare view, changes shown'] = await violations(s);
      await s.select('Box front — Riverflow 1');
      await s.ui.getByRole('heading', { name: 'Upscale for print' }).waitFor();
      seen['upscale for print'] = await violations(s);
      await s.ui.getByLabel('Variations').fill('1');
      await s.select('Box front');
      h.emulator.set({ processingPolls: 10_000 });
      await s.generate();
      await s.ui.getByText(/Riverflow is working/).waitFor();
      seen.running = await violations(s);
      await s.ui.getByRole('button', { name: 'Cancel' }).click();
      await s.ui.getByText(/^Stopped waiting/).waitFor();
      h.emulator.reset();
      h.emulator.inject({ on: 'imageInference', status: 400, error: { code: 'invalidWidth', message: 'bad width', parameter: 'width' } });
      await s.generate();
      await s.alertText();
      seen['error banner'] = await violations(s);
      h.emulator.inject({ status: 401, error: { code: 'invalidApiKey', message: 'Invalid API key' } });
      await s.generate();
      await s.ui.getByRole('heading', { name: 'Connect your Runware account' }).waitFor();
      seen['refused key'] = await violations(s);
      await s.useKey();
      await s.ui.getByRole('button', { name: /History/ }).click();
      seen['history open'] = await violations(s);
      await s.select('Box front', 'Label');
      await s.ui.getByLabel('Edit each frame').check();
      h.emulator.inject({ on: 'imageInference', status: 400, error: { code: 'invalidWidth', message: 'bad', parameter: 'width' } });
      await s.generate();
      await s.ui
        .getByRole('list', { name: 'Batch' })
        .getByText(/Failed/)
        .first()
        .waitFor();
      seen.batch = await violations(s);
      await s.page.locator('iframe[title="Riverflow plugin"]').screenshot({ path: `${OUTPUT_DIR}/a11y-batch-${theme}.png` });
      expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, []])));
      await s.context.close();
    });
  }
});

describe('first run', () => {
  it('starts with the key step; Enter saves, Save confirms, and the key then steps aside', async () => {
    const s = await openSession(h);
    expect(await s.evaluate((host) => host.storage.has('apiKey'))).toBe(false);
    // The key step comes before everything else in the panel.
    const order = await s.ui.locator('h2').allTextContents();
    expect(order[0]).toBe('Connect your Runware account');
    await s.ui
      .getByText(/from my\.runware\.ai/)
      .first()
      .waitFor();
    await s.page.locator('iframe[title="Riverflow plugin"]').screenshot({ path: `${OUTPUT_DIR}/first-run.png` });
    const { KEY } = await import('./harness.ts');
    await s.ui.getByLabel('API key').fill(KEY);
    await s.ui.getByLabel('API key').press('Enter');
    await s.ui.getByText('Runware key ✓').waitFor();
    await expect.poll(() => s.evaluate((host) => host.notifications.map((n) => n.message))).toContain('Runware key saved');
    expect(await s.evaluate((host) => host.storage.get('apiKey'))).toBe(KEY);
    expect(await s.ui.getByRole('heading', { name: 'Connect your Runware account' }).count()).toBe(0);
    await s.select('Box front');
    await s.prompt('Deep indigo');
    expect(await s.ui.getByRole('button', { name: 'Generate' }).isEnabled()).toBe(true);
    await s.page.locator('iframe[title="Riverflow plugin"]').screenshot({ path: `${OUTPUT_DIR}/after-first-run.png` });
    await s.context.close();
  });
});

describe('keyboard', () => {
  it('reorders references, opens history and resizes the panel from the keyboard, with a visible focus', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.select('Box front', 'Label');
    // Reached with the keyboard (Shift+Tab from "Remove"; "Move down" is disabled for the last one).
    await s.ui.getByRole('button', { name: 'Remove “Label”' }).focus();
    await s.ui.getByRole('button', { name: 'Remove “Label”' }).press('Shift+Tab');
    const up = s.ui.getByRole('button', { name: 'Move “Label” up' });
    await expect.poll(() => up.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await up.evaluate((b) => getComputedStyle(b).outlineStyle)).not.toBe('none');
    await up.press('Enter');
    await expect.poll(() => s.ui.locator('.ref-name').allTextContents()).toEqual(['Label', 'Box front']);
    const history = s.ui.getByRole('button', { name: /History/ });
    expect(await history.getAttribute('aria-expanded')).toBe('false');
    await history.focus();
    await history.press('Enter');
    await s.ui.getByText('No Riverflow results on this page yet.').waitFor();
    expect(await history.getAttribute('aria-expanded')).toBe('true');
    const frame = s.page.locator('iframe[title="Riverflow plugin"]');
    const before = (await frame.boundingBox())!.width;
    await s.ui.getByRole('button', { name: 'Corner grip' }).focus();
    await s.ui.getByRole('button', { name: 'Corner grip' }).press('ArrowRight');
    await s.ui.getByRole('button', { name: 'Corner grip' }).press('ArrowRight');
    await expect.poll(async () => (await frame.boundingBox())!.width).toBe(before + 40);
    await expect.poll(() => s.evaluate((host) => host.storage.get('panelSize'))).toMatchObject({ width: before + 40 });
    // Remembered: the next start opens at that size.
    await s.reopen();
    expect(await s.evaluate((host) => host.uiOptions.value)).toMatchObject({ width: before + 40 });
    await s.context.close();
  });

  it('resizes live while the corner grip is dragged, and remembers the size once, on release', async () => {
    const s = await openSession(h);
    await s.useKey();
    const frame = s.page.locator('iframe[title="Riverflow plugin"]');
    const before = (await frame.boundingBox())!;
    const grip = (await s.ui.getByRole('button', { name: 'Corner grip' }).boundingBox())!;
    const writesBefore = await s.evaluate((host) => host.storageWrites.filter((k) => k === 'panelSize').length);
    await s.page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await s.page.mouse.down();
    // Towards the top left: the playground's panel sits at the page's right edge, as Figma's often does.
    for (let i = 1; i <= 12; i++) await s.page.mouse.move(grip.x + grip.width / 2 - i * 5, grip.y + grip.height / 2 - i * 3);
    await expect.poll(async () => (await frame.boundingBox())!.width).toBeLessThan(before.width - 30);
    await s.page.mouse.up();
    await expect.poll(() => s.evaluate((host) => host.storageWrites.filter((k) => k === 'panelSize').length)).toBe(writesBefore + 1);
    const shown = (await frame.boundingBox())!;
    expect(await s.evaluate((host) => host.storage.get('panelSize'))).toEqual({ width: Math.round(shown.width), height: Math.round(shown.height) });
    await s.context.close();
  });
});
