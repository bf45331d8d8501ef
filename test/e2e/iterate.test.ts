import { describe, expect, it } from 'vitest';
import { readImageSize } from '../../core/imageInfo.ts';
import { OUTPUT_DIR, openSession } from './harness.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();

/** A session with a key and one result of “Box front” placed: where the upscale tests start. */
async function sessionWithOneResult() {
  const s = await openSession(h);
  await s.useKey();
  await s.select('Box front');
  await s.prompt('Deep indigo');
  await s.generate();
  await s.ui.getByText(/^Placed 1 image beside “Box front”/).waitFor();
  return s;
}

const inferenceTasks = () => h.emulator.requests.flatMap((r) => r.tasks).filter((t) => t.taskType === 'imageInference');
const uploadSizes = () =>
  h.emulator.requests
    .flatMap((r) => r.tasks)
    .filter((t) => t.taskType === 'imageUpload')
    .map((t) => {
      const image = t.image as string;
      return readImageSize(new Uint8Array(Buffer.from(image.slice(image.indexOf(',') + 1), 'base64')));
    });

describe('iterating like a packaging designer', () => {
  it('reorders and drops references without touching the Figma selection', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.select('Box front', 'Label', 'Poster 16:9');
    await expect.poll(() => s.ui.locator('.refs img.thumb').count()).toBe(3);
    await s.ui.getByRole('button', { name: 'Move “Poster 16:9” up' }).click();
    await s.ui.getByRole('button', { name: 'Move “Poster 16:9” up' }).click();
    await s.ui.getByRole('button', { name: 'Remove “Label”' }).click();
    await expect.poll(() => s.ui.locator('.ref-name').allTextContents()).toEqual(['Poster 16:9', 'Box front']);
    await s.ui.getByText('1600×900 · base').waitFor();
    // The base decides the size: the poster matches 16:9.
    await expect.poll(() => s.ui.getByLabel('Size').inputValue()).toBe('1K (16:9)');
    expect(await s.evaluate((host) => host.page.selection.map((n) => n.name))).toEqual(['Box front', 'Label', 'Poster 16:9']);
    await s.prompt('Poster layout, box colours');
    await s.page.screenshot({ path: `${OUTPUT_DIR}/references-reordered.png` });
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Poster 16:9”/).waitFor();
    expect(uploadSizes()).toEqual([
      { width: 1280, height: 720 },
      { width: 1152, height: 864 },
    ]);
    expect((inferenceTasks()[0]!.inputs as { referenceImages: string[] }).referenceImages).toHaveLength(2);
    await s.context.close();
  });

  it('Edit again: reopening on a result fills in its prompt and size; the result can be the next base', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.select('Box front');
    await s.ui.getByLabel('Size').selectOption('1K (16:9)');
    await s.prompt('Deep indigo box');
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Box front”/).waitFor();
    // The result is selected; its relaunch button runs the plugin with the `edit` command, as Figma does.
    await s.prompt('something else');
    await s.relaunch('edit');
    await expect.poll(() => s.ui.getByLabel('Prompt', { exact: true }).inputValue()).toBe('Deep indigo box');
    await expect.poll(() => s.ui.getByLabel('Size').inputValue()).toBe('1K (16:9)');
    expect(await s.evaluate((host) => host.page.children.find((n) => n.name === 'Box front — Riverflow 1')!.getRelaunchData())).toEqual({
      edit: 'Edit with Riverflow',
    });
    // Chain: the selected result is now the base reference.
    await expect.poll(() => s.ui.locator('.ref-name').allTextContents()).toEqual(['Box front — Riverflow 1']);
    h.emulator.reset();
    await s.prompt('Add a copper foil band');
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Box front — Riverflow 1”/).waitFor();
    // The result is a plain image fill: its own 1280×720 file is sent as is, not a re-encoded export.
    expect(uploadSizes()).toEqual([{ width: 1280, height: 720 }]);
    await s.context.close();
  });

  it('keeps a history of this page’s runs, with reuse and select, and recent prompts across reopenings', async () => {
    const s = await openSession(h);
    await s.useKey();
    for (const [frame, text] of [
      ['Label', 'Forest green label'],
      ['Square tile', 'Citrus tile'],
    ] as const) {
      await s.select(frame);
      await s.prompt(text);
      await s.generate();
      await s.ui.getByText(new RegExp(`^Placed 1 image beside “${frame}”`)).waitFor();
    }
    await s.ui.getByText(/this session \$0\.154/).waitFor();
    await s.reopen();
    await s.ui.getByText('History (2)').click();
    const history = s.ui.getByRole('list', { name: 'History' });
    await expect.poll(() => history.locator('.history-prompt').allTextContents()).toEqual(['Citrus tile', 'Forest green label']);
    // Previews come as rows scroll into view.
    await history.locator('li').last().scrollIntoViewIfNeeded();
    await expect.poll(() => history.locator('img.thumb').count()).toBe(2);
    await history.getByRole('button', { name: 'Reuse prompt' }).nth(1).click();
    expect(await s.ui.getByLabel('Prompt', { exact: true }).inputValue()).toBe('Forest green label');
    await history.getByRole('button', { name: 'Select on canvas' }).first().click();
    await expect.poll(() => s.evaluate((host) => host.page.selection.map((n) => n.name))).toEqual(['Square tile — Riverflow 1']);
    await s.page.screenshot({ path: `${OUTPUT_DIR}/history.png` });
    // Recent prompts survive reopening (clientStorage), newest first.
    const recent = s.ui.getByLabel('Recent prompts');
    expect(await recent.locator('option').allTextContents()).toEqual(['Recent prompts…', 'Citrus tile', 'Forest green label']);
    await recent.selectOption('Citrus tile');
    expect(await s.ui.getByLabel('Prompt', { exact: true }).inputValue()).toBe('Citrus tile');
    // A source frame edited before offers its last prompt when selected with an empty prompt.
    await s.prompt('');
    await s.select('Label');
    await expect.poll(() => s.ui.getByLabel('Prompt', { exact: true }).inputValue()).toBe('Forest green label');
    await s.context.close();
  });

  it('History: search by prompt, star and filter, reuse a run’s settings; results are never exported for previews', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.select('Label');
    await s.prompt('Forest green label');
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Label”/).waitFor();
    await s.select('Poster 16:9');
    await s.prompt('Citrus poster');
    await s.ui.getByLabel('Variations').fill('2');
    await s.ui.getByRole('button', { name: 'Advanced' }).click();
    await s.ui.getByLabel('Output format').selectOption('JPG');
    await s.ui.getByLabel('Quality').fill('80');
    await s.generate();
    await s.ui.getByText(/^Placed 2 images beside “Poster 16:9”/).waitFor();
    // Back to defaults, to see "Reuse settings" bring them back.
    await s.ui.getByLabel('Output format').selectOption('PNG');
    await s.ui.getByLabel('Variations').fill('1');
    await s.ui.getByRole('button', { name: /^History/ }).click();
    const history = s.ui.getByRole('list', { name: 'History' });
    await s.ui.getByRole('searchbox', { name: 'Search history' }).fill('CITRUS');
    await expect.poll(() => history.locator('.history-prompt').allTextContents()).toEqual(['Citrus poster']);
    await history.getByRole('button', { name: 'Star “Citrus poster”' }).click();
    await expect.poll(() => history.getByRole('button', { name: 'Star “Citrus poster”' }).getAttribute('aria-pressed')).toBe('true');
    await s.ui.getByRole('searchbox', { name: 'Search history' }).fill('');
    await s.ui.getByLabel('Starred only').check();
    await expect.poll(() => history.locator('.history-prompt').allTextContents()).toEqual(['Citrus poster']);
    // The star lives on the results themselves (plugin data), so it travels with the file.
    expect((await s.evaluate((host) => host.page.children.filter((n) => n.getPluginData('riverflowStar') === '1').map((n) => n.name))).sort()).toEqual([
      'Poster 16:9 — Riverflow 1',
      'Poster 16:9 — Riverflow 2',
    ]);
    await history.getByRole('button', { name: 'Reuse settings' }).click();
    expect(await s.ui.getByLabel('Prompt', { exact: true }).inputValue()).toBe('Citrus poster');
    expect(await s.ui.getByLabel('Size').inputValue()).toBe('1K (16:9)');
    expect(await s.ui.getByLabel('Variations').inputValue()).toBe('2');
    expect(await s.ui.getByLabel('Output format').inputValue()).toBe('JPG');
    expect(await s.ui.getByLabel('Quality').inputValue()).toBe('80');
    await expect.poll(() => history.locator('img.thumb').count()).toBe(1);
    // Previews of results come from their own image fill: no result was ever exported.
    const exported = await s.evaluate((host) => host.exportCalls.map((c) => host.node(c.nodeId)?.name ?? ''));
    expect(exported.filter((n) => n.includes('— Riverflow'))).toEqual([]);
    await s.context.close();
  });

  it('Edit each frame: one estimate, one task per frame at its own size, per-frame status, retry a failed one alone', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.select('Box front', 'Label', 'Banner 7:3');
    await s.ui.getByLabel('Edit each frame').check();
    await s.prompt('Holiday edition');
    await s.ui.getByText('Estimated cost: $0.231 (3 images × $0.077 on Riverflow 1.1 Pro)').waitFor();
    h.emulator.inject({ on: 'imageInference', status: 400, error: { code: 'invalidPositivePrompt', message: 'Prompt rejected', parameter: 'positivePrompt' } });
    await s.ui.getByRole('button', { name: 'Generate for 3 frames' }).click();
    expect(await s.alertText()).toBe('Placed 2 images for 2 frames. 1 frame failed: retry it below.');
    const batch = s.ui.getByRole('list', { name: 'Batch' });
    expect(await batch.getByText('Failed').count()).toBe(1);
    await s.page.screenshot({ path: `${OUTPUT_DIR}/batch.png` });
    expect(h.emulator.charges).toHaveLength(2);
    expect(
      inferenceTasks()
        .map((t) => `${t.width}x${t.height}`)
        .sort(),
    ).toEqual(['1152x864', '1512x648', '864x1152']);
    // The designer starts typing the next prompt; Retry repeats the batch as it was sent.
    await s.prompt('Winter edition');
    await batch.getByRole('button', { name: /^Retry/ }).click();
    await s.ui.getByText(/^Placed 1 image for 1 frame/).waitFor({ timeout: 20_000 });
    expect(inferenceTasks().at(-1)!.positivePrompt).toBe('Holiday edition');
    expect(await batch.getByText('Placed').count()).toBe(3);
    expect(h.emulator.charges).toHaveLength(3);
    const names = await s.nodeNames();
    for (const frame of ['Box front', 'Label', 'Banner 7:3']) expect(names).toContain(`${frame} — Riverflow 1`);
    await s.context.close();
  });

  it('Edit each frame takes 50 frames (past the 10-reference limit): one estimate, n of N, thumbnails only for what is visible', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.evaluate((host) => {
      const labels = Array.from({ length: 50 }, (_, i) =>
        host.addFrame(`SKU ${i + 1}`, { x: 20000 + (i % 10) * 700, y: Math.floor(i / 10) * 700, width: 400, height: 400 }),
      );
      host.select(labels);
    });
    await s.ui.getByText('SKU 1', { exact: true }).waitFor();
    // Combining keeps Riverflow's limit of 10 references and says what is left out.
    await s.ui.getByText('“SKU 11” is past Riverflow 1.1 Pro’s 10-reference limit: not sent.').waitFor();
    await s.ui.getByLabel('Edit each frame').check();
    await s.prompt('Seasonal colourway');
    await s.ui.getByText('Estimated cost: $3.85 (50 images × $0.077 on Riverflow 1.1 Pro)').waitFor();
    expect(await s.ui.getByText(/past the 10-reference limit/).count()).toBe(0);
    const thumbnailed = () =>
      s.evaluate((host) => host.exportCalls.filter((c) => (c.settings as ExportSettingsImage).constraint?.value === 96).map((c) => host.node(c.nodeId)?.name));
    await expect.poll(async () => (await thumbnailed()).length).toBeGreaterThan(0);
    // Only rows that have been in view get a thumbnail; scrolling to one that has none brings it.
    const before = await thumbnailed();
    expect(before.length).toBeLessThan(50);
    const unseen = Array.from({ length: 50 }, (_, i) => `SKU ${i + 1}`).find((name) => !before.includes(name))!;
    await s.ui.getByText(unseen, { exact: true }).scrollIntoViewIfNeeded();
    await expect.poll(thumbnailed).toContain(unseen);
    await s.ui.getByRole('button', { name: 'Generate for 50 frames' }).click();
    await s.ui.getByText(/of 50 frames done/).waitFor();
    await s.ui.getByText(/^Placed 50 images for 50 frames\./).waitFor({ timeout: 60_000 });
    expect(h.emulator.charges).toHaveLength(50);
    const names = await s.nodeNames();
    for (const i of [1, 25, 50]) expect(names).toContain(`SKU ${i} — Riverflow 1`);
    await s.context.close();
  });

  it('Cancel during a batch stops what is queued; tasks Runware already took are kept and placed on the next start', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.evaluate((host) => {
      const labels = Array.from({ length: 12 }, (_, i) => host.addFrame(`Tag ${i + 1}`, { x: 30000 + i * 700, y: 0, width: 400, height: 400 }));
      host.select(labels);
    });
    await s.ui.getByText('Tag 1', { exact: true }).waitFor();
    await s.ui.getByLabel('Edit each frame').check();
    await s.prompt('Gold foil');
    h.emulator.set({ processingPolls: 10_000 });
    await s.ui.getByRole('button', { name: 'Generate for 12 frames' }).click();
    await expect.poll(() => h.emulator.charges.length).toBe(3);
    await s.ui.getByRole('button', { name: 'Cancel' }).click();
    await s.ui.getByRole('button', { name: 'Generate for 12 frames' }).waitFor();
    const batch = s.ui.getByRole('list', { name: 'Batch' });
    expect(await batch.getByText(/Cancelled before Runware accepted the task/).count()).toBe(9);
    expect(await batch.getByText(/Runware had already accepted the task/).count()).toBe(3);
    expect(h.emulator.charges).toHaveLength(3);
    h.emulator.finishAll();
    await s.reopen();
    await s.ui.getByText('Placed 3 results from earlier runs that were interrupted.').waitFor({ timeout: 20_000 });
    expect((await s.nodeNames()).filter((n) => n.includes('— Riverflow'))).toHaveLength(3);
    await s.context.close();
  });

  it('Compare and keep one: thumbnails of the run, a before/after slider, hold for the source, Keep in one undo step, Edit this', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.select('Box front');
    await s.prompt('Three colourways');
    await s.ui.getByLabel('Variations').fill('3');
    const source = () =>
      s.evaluate(
        (host) =>
          JSON.stringify(host.page.children.find((n) => n.name === 'Box front')!.fills) + host.page.children.find((n) => n.name === 'Box front')!.writes,
      );
    const before = await source();
    await s.generate();
    await s.ui.getByText(/^Placed 3 images/).waitFor();
    const results = s.ui.getByRole('list', { name: 'Results of this run' });
    await results.getByRole('button', { name: 'Variation 2' }).click();
    expect(await results.getByRole('button', { name: 'Variation 2' }).getAttribute('aria-pressed')).toBe('true');
    await s.ui.getByRole('img', { name: 'Source frame' }).waitFor();
    const slider = s.ui.getByRole('slider', { name: 'Compare' });
    await slider.focus();
    await slider.press('ArrowLeft');
    await slider.press('ArrowLeft');
    expect(await slider.inputValue()).toBe('48');
    const wipe = () => s.ui.getByRole('img', { name: 'Variation 2' }).evaluate((img) => (img as HTMLElement).style.clipPath);
    expect(await wipe()).toBe('inset(0px 0px 0px 48%)');
    const hold = s.ui.getByRole('button', { name: 'Hold to see the source' });
    await hold.focus();
    await s.page.keyboard.down('Space');
    await expect.poll(wipe).toBe('inset(0px 0px 0px 100%)');
    await s.page.keyboard.up('Space');
    await expect.poll(wipe).toBe('inset(0px 0px 0px 48%)');
    await s.page.locator('iframe[title="Riverflow plugin"]').screenshot({ path: `${OUTPUT_DIR}/compare.png` });
    const undo = await s.evaluate((host) => host.undoSteps.count);
    await s.ui.getByRole('button', { name: 'Keep', exact: true }).click();
    await expect.poll(() => s.evaluate((host) => host.notifications.at(-1)?.message)).toMatch(/^Kept /);
    await expect.poll(() => s.nodeNames()).not.toContain('Box front — Riverflow 1');
    const names = await s.nodeNames();
    expect(names.filter((n) => n.startsWith('Box front — Riverflow'))).toEqual(['Box front — Riverflow 2']);
    expect(await s.evaluate((host) => host.undoSteps.count)).toBe(undo + 1);
    expect(await source()).toBe(before);
    await expect.poll(() => s.evaluate((host) => host.notifications.at(-1)?.message)).toBe('Kept Variation 2; removed 2 other variations.');
    await s.ui.getByRole('button', { name: 'Edit this' }).click();
    await expect.poll(() => s.ui.locator('.ref-name').allTextContents()).toEqual(['Box front — Riverflow 2']);
    await s.ui.getByRole('button', { name: 'Dismiss' }).click();
    expect(await s.ui.getByRole('button', { name: 'Keep' }).count()).toBe(0);
    await s.context.close();
  });

  it('Pinned references: kept in the document, sent after the selected frames in every run, uploads reused, a deleted pin skipped with a note', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.select('Label');
    await s.ui.getByRole('button', { name: 'Pin “Label”' }).click();
    await expect.poll(() => s.evaluate((host) => host.figma.root.getPluginData('pins'))).toMatch(/^\["1:\d+"\]$/);
    await s.select('Box front');
    await expect.poll(() => s.ui.locator('.ref-name').allTextContents()).toEqual(['Box front', 'Label']);
    await s.prompt('Brand colours');
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Box front”/).waitFor();
    expect(inferenceTasks()[0]!.inputs).toMatchObject({ referenceImages: [expect.any(String), expect.any(String)] });
    // Another run: the pin's upload is reused by its content hash, no bytes sent again.
    h.emulator.reset();
    await s.select('Poster 16:9');
    await expect.poll(() => s.ui.locator('.ref-name').allTextContents()).toEqual(['Poster 16:9', 'Label']);
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Poster 16:9”/).waitFor();
    expect(uploadSizes()).toHaveLength(1);
    expect((inferenceTasks()[0]!.inputs as { referenceImages: string[] }).referenceImages).toHaveLength(2);
    // The pins travel with the file; a pinned node deleted since is skipped, with a note.
    await s.evaluate((host) => host.page.children.find((n) => n.name === 'Label')!.remove());
    await s.reopen();
    await s.ui.getByText('A pinned reference was deleted: it is skipped.').waitFor();
    await s.select('Box front');
    await expect.poll(() => s.ui.locator('.ref-name').allTextContents()).toEqual(['Box front']);
    await s.context.close();
  });

  it('Upscale for print: on a result’s own imageUUID, estimate first, cost after, placed beside it as wide, recovered after a close', async () => {
    const s = await sessionWithOneResult();
    await s.select('Box front — Riverflow 1');
    await s.ui.getByText(/Estimate: about \$0\.004 per upscale/).waitFor();
    // 1152×864 ×4 would pass Figma's 4096 px: not offered.
    expect(await s.ui.getByRole('button', { name: /^Upscale ×\d$/ }).allTextContents()).toEqual(['Upscale ×2', 'Upscale ×3']);
    h.emulator.reset();
    await s.ui.getByRole('button', { name: 'Upscale ×2' }).click();
    await s.ui.getByText('Placed “Box front — Riverflow 1” upscaled ×2 beside it. Cost $0.0038.').waitFor();
    expect(h.emulator.requests.flatMap((r) => r.tasks).filter((t) => t.taskType === 'imageUpload')).toEqual([]);
    expect(h.emulator.charges).toHaveLength(1);
    const placed = await s.evaluate((host) => {
      const source = host.page.children.find((n) => n.name === 'Box front — Riverflow 1')!;
      const up = host.page.children.find((n) => n.name === 'Box front — Riverflow 1 — upscaled ×2')!;
      const bytes = host.images.get((up.fills[0] as ImagePaint).imageHash!)!;
      const px = [
        bytes[16]! * 2 ** 24 + bytes[17]! * 2 ** 16 + bytes[18]! * 256 + bytes[19]!,
        bytes[20]! * 2 ** 24 + bytes[21]! * 2 ** 16 + bytes[22]! * 256 + bytes[23]!,
      ];
      return {
        sameWidth: up.width === source.width,
        right: up.x > source.x + source.width,
        px,
        provenance: JSON.parse(up.getPluginData('riverflow')),
        relaunch: up.getRelaunchData(),
      };
    });
    expect(placed).toMatchObject({
      sameWidth: true,
      right: true,
      px: [2304, 1728],
      provenance: { model: 'runware:500@1', upscaleFactor: 2 },
      relaunch: { edit: 'Edit with Riverflow' },
    });
    // Runware answering with media fields (mediaUUID and a mediaURL on its image host, which the manifest does not
    // allow): read, not polled as if still running; said in words, and the paid upscale is kept, never dropped.
    h.emulator.reset();
    h.emulator.set({ upscaleAnswer: 'media' });
    await s.select('Box front — Riverflow 1');
    await s.ui.getByRole('button', { name: 'Upscale ×2' }).click();
    await s.ui
      .getByText(
        'The result image could not be used: Runware sent a link instead of the image. Nothing was placed. It is paid for and kept: Retry placing, or Discard it.',
      )
      .waitFor();
    expect(h.emulator.charges).toHaveLength(1);
    await s.ui.getByRole('button', { name: 'Discard, already paid' }).click();
    // Closed mid-upscale: placed on the next start, charged once.
    h.emulator.reset();
    h.emulator.set({ processingPolls: 10_000 });
    await s.select('Box front — Riverflow 1');
    await s.ui.getByRole('button', { name: 'Upscale ×3' }).click();
    await s.ui.getByText(/Riverflow is working/).waitFor();
    await s.evaluate((host) => host.close());
    h.emulator.finishAll();
    await s.reopen();
    await s.ui.getByText('Placed 1 result from an earlier run that was interrupted.').waitFor({ timeout: 15_000 });
    expect(await s.nodeNames()).toContain('Box front — Riverflow 1 — upscaled ×3');
    expect(h.emulator.charges).toHaveLength(1);
    await s.context.close();
  });

  it('Runware refusing ×3 (Clarity’s schema allows 2 only): said in words, nothing charged, ×3 no longer offered', async () => {
    const s = await sessionWithOneResult();
    h.emulator.reset();
    h.emulator.set({ maxUpscaleFactor: 2 });
    await s.select('Box front — Riverflow 1');
    await s.ui.getByRole('button', { name: 'Upscale ×3' }).click();
    expect(await s.alertText()).toBe('Runware does not take ×3 for the Clarity upscaler, so it is no longer offered. Nothing was charged.');
    expect(h.emulator.charges).toHaveLength(0);
    await expect.poll(() => s.ui.getByRole('button', { name: /^Upscale ×\d$/ }).allTextContents()).toEqual(['Upscale ×2']);
    await s.ui.getByText('Runware refused ×3 for Clarity; only the factors it takes are offered.').waitFor();
    // Remembered: the next start offers ×2 only, too.
    await s.reopen();
    await s.select('Box front — Riverflow 1');
    expect(await s.ui.getByRole('button', { name: /^Upscale ×\d$/ }).allTextContents()).toEqual(['Upscale ×2']);
    await s.context.close();
  });

  it('remembers output options per user and sends them', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.ui.getByText('Advanced').click();
    await s.ui.getByLabel('Output format').selectOption('WEBP');
    await s.ui.getByLabel('Quality').fill('80');
    await s.ui.getByLabel('Content safety check').check();
    await s.reopen();
    await s.ui.getByText('Advanced').click();
    expect(await s.ui.getByLabel('Output format').inputValue()).toBe('WEBP');
    expect(await s.ui.getByLabel('Quality').inputValue()).toBe('80');
    expect(await s.ui.getByLabel('Content safety check').isChecked()).toBe(true);
    await s.select('Square tile');
    await s.prompt('Matte finish');
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Square tile”/).waitFor();
    expect(inferenceTasks()[0]).toMatchObject({ outputFormat: 'WEBP', outputQuality: 80, safety: { checkContent: true, mode: 'fast' } });
    // WEBP came back and was placed as PNG (Figma takes no WEBP).
    const magic = await s.evaluate((host) => {
      const node = host.page.children.find((n) => n.name === 'Square tile — Riverflow 1')!;
      return Array.from(host.images.get((node.fills[0] as ImagePaint).imageHash!)!.slice(0, 4));
    });
    expect(magic).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await s.context.close();
  });
});
