import { describe, expect, it } from 'vitest';
import { readImageSize } from '../../core/imageInfo.ts';
import type { Provenance } from '../../core/records/provenance.ts';
import { OUTPUT_DIR, openSession } from './harness.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();
const FAST = 'sourceful:riverflow-2.0@fast';
const PRO = 'sourceful:riverflow-2.0@pro';

const inference = () => h.emulator.requests.flatMap((r) => r.tasks).filter((t) => t.taskType === 'imageInference') as Record<string, unknown>[];

describe('the Riverflow family: draft on 2.0 Fast, keep one, finish on 2.0 Pro at 4K', () => {
  it('drafts for two cents, finishes at 4608×3456 with every pixel, beside the draft, linked to it', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.select('Box front');
    await s.prompt('Deep indigo box, gold foil');
    // 1.1 Pro by default; 2.0 Fast offers its own sizes, the tier shown with each.
    expect(await s.ui.getByLabel('Model', { exact: true }).getByRole('option', { selected: true }).textContent()).toMatch(/^Riverflow 1\.1 Pro/);
    await s.ui.getByLabel('Model', { exact: true }).selectOption({ label: 'Riverflow 2.0 Fast — drafts at two cents, 1K and 2K' });
    const size = s.ui.getByLabel('Size');
    expect(await size.getByRole('option', { selected: true }).textContent()).toBe('1K · 4:3 · 1152×864 (matched)');
    const labels = await size.getByRole('option').allTextContents();
    expect(labels).toHaveLength(20);
    expect(labels).toContain('2K · 5:4 · 2240×1792');
    expect(labels.some((l) => l.includes('3:7') || l.includes('4K'))).toBe(false);
    await s.ui.getByLabel('Variations').fill('3');
    await s.ui.getByText('Estimated cost: $0.06 (3 images × $0.02 on Riverflow 2.0 Fast)').waitFor();
    await s.ui.getByRole('region', { name: 'References' }).locator('img.thumb').first().waitFor();
    await s.page.locator('iframe[title="Riverflow plugin"]').screenshot({ path: `${OUTPUT_DIR}/family-draft.png` });
    await s.generate();
    await s.ui.getByText(/^Placed 3 images beside “Box front”/).waitFor();
    const drafts = inference();
    expect(drafts.map((t) => [t.model, t.width, t.height])).toEqual(Array(3).fill([FAST, 1152, 864]));
    // Keep the second, then finish it.
    await s.ui.getByRole('list', { name: 'Results of this run' }).getByRole('button', { name: 'Variation 2' }).click();
    await s.ui.getByRole('button', { name: 'Keep', exact: true }).click();
    await expect.poll(() => s.nodeNames()).not.toContain('Box front — Riverflow 1');
    await s.select('Box front — Riverflow 2');
    const finish = s.ui.getByRole('region', { name: 'Finish with…' });
    expect(await finish.getByLabel('Final model and tier').getByRole('option', { selected: true }).textContent()).toBe('Riverflow 2.0 Pro · 4K');
    await finish
      .getByText('The same prompt and references at 4K · 4:3 · 4608×3456, placed beside this result. Estimate: $0.33 for 1 image', { exact: false })
      .waitFor();
    // What the final is made from, by name, before the click.
    await finish.getByText(/^References: “Box front”/).waitFor();
    await s.page.locator('iframe[title="Riverflow plugin"]').screenshot({ path: `${OUTPUT_DIR}/family-finish.png` });
    h.emulator.requests.length = 0;
    await s.evaluate((host) => void (host.messageLog.length = 0));
    await finish.getByRole('button', { name: 'Finish with Riverflow 2.0 Pro at 4K' }).click();
    await s.ui.getByText(/^Placed 1 image beside “Box front — Riverflow 2”\. Cost \$0\.33\./).waitFor({ timeout: 60_000 });
    // The same prompt and references (the cached upload of Box front, nothing sent again) on 2.0 Pro at 4K.
    const [final] = inference();
    expect([final!.model, final!.width, final!.height, final!.positivePrompt]).toEqual([PRO, 4608, 3456, 'Deep indigo box, gold foil']);
    expect((final!.inputs as { referenceImages: string[] }).referenceImages).toEqual((drafts[1]!.inputs as { referenceImages: string[] }).referenceImages);
    expect(h.emulator.requests.flatMap((r) => r.tasks).filter((t) => t.taskType === 'imageUpload')).toEqual([]);
    // The tiles cross one message each, before the one placement that names them.
    const sent = await s.evaluate((host) => host.messageLog.map((m) => m.type).filter((t) => t === 'store-tile' || t === 'place-result'));
    expect(sent).toEqual(['store-tile', 'store-tile', 'place-result']);
    const placed = await s.evaluate((host) => {
      const draft = host.page.children.find((n) => n.name === 'Box front — Riverflow 2')!;
      const node = host.page.children.find((n) => n.name === 'Box front — Riverflow 2 — Riverflow 2.0 Pro 4K')!;
      const tiles = node.children.map((t) => {
        const bytes = host.images.get((t.fills[0] as ImagePaint).imageHash!)!;
        return Array.from(bytes.slice(0, 32));
      });
      return {
        draft: { id: draft.id, x: draft.x, y: draft.y, width: draft.width, height: draft.height },
        node: {
          type: node.type,
          x: node.x,
          y: node.y,
          width: node.width,
          height: node.height,
          provenance: node.getPluginData('riverflow'),
          preview: node.getPluginData('riverflowPreview').length,
        },
        tiles,
        exportSettings: JSON.parse(JSON.stringify(node.exportSettings)),
      };
    });
    const provenance = JSON.parse(placed.node.provenance) as Provenance;
    expect(provenance).toMatchObject({ model: PRO, width: 4608, height: 3456, tiles: 2, finishes: placed.draft.id, prompt: 'Deep indigo box, gold foil' });
    // Full resolution, as tiles of at most 4096 px; as wide on the canvas as the draft, beside it.
    expect(placed.tiles.map((t) => readImageSize(new Uint8Array(t)))).toEqual([
      { width: 2304, height: 3456 },
      { width: 2304, height: 3456 },
    ]);
    // History's preview was made from the decoded image as it was placed (no export of the 4K frame later).
    expect(placed.node.preview).toBeGreaterThan(100);
    expect(placed.exportSettings).toEqual([{ format: 'PNG', suffix: '', constraint: { type: 'WIDTH', value: 4608 } }]);
    expect([placed.node.type, placed.node.width, placed.node.y]).toEqual(['FRAME', placed.draft.width, placed.draft.y]);
    expect(placed.node.x).toBeGreaterThan(placed.draft.x + placed.draft.width);
    // The run's result is shown as the canvas shows it (a 640 px picture), not as a 4608 px image held in the panel.
    await expect.poll(() => s.ui.getByRole('img', { name: 'Variation 1' }).evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(640);
    // A 4K result needs no upscale, and the panel says why; History lists it once, with its model and tier.
    await s.select('Box front — Riverflow 2 — Riverflow 2.0 Pro 4K');
    await s.ui.getByText('This result is already 4K (4608×3456 px), placed with every pixel: it needs no upscale for print.').waitFor();
    expect(await s.ui.getByRole('button', { name: /^Upscale ×/ }).count()).toBe(0);
    await s.ui.getByRole('button', { name: /History/ }).click();
    await s.ui
      .getByRole('list', { name: 'History' })
      .getByText(/Riverflow 2\.0 Pro · 4K 4:3 · 1 image/)
      .waitFor();
    await s.ui
      .getByRole('list', { name: 'History' })
      .getByText(/Riverflow 2\.0 Fast · 1K 4:3 · 1 image/)
      .waitFor();
    await s.ui.getByRole('list', { name: 'History' }).scrollIntoViewIfNeeded();
    // One row, one preview each: the 4K result's is the JPEG made as it was placed.
    await expect.poll(() => s.ui.getByRole('list', { name: 'History' }).locator('img.thumb').count()).toBe(2);
    await s.page.screenshot({ path: `${OUTPUT_DIR}/family-final.png` });
    // The model is remembered for the next time the panel opens (and for the quick edit).
    await s.reopen();
    expect(await s.ui.getByLabel('Model', { exact: true }).getByRole('option', { selected: true }).textContent()).toMatch(/^Riverflow 2\.0 Fast/);
    await s.context.close();
  });

  it('switching model keeps the ratio and tier where the new model has them; the reference limit is the model’s', async () => {
    const s = await openSession(h);
    await s.useKey();
    await s.select('Poster 16:9');
    await s.ui.getByLabel('Model', { exact: true }).selectOption({ label: 'Riverflow 2.0 Pro — print finals at 2K and 4K' });
    await s.ui.getByLabel('Size').selectOption({ label: '4K · 16:9 · 5120×2880' });
    await s.ui.getByText('Estimated cost: $0.33 (1 image × $0.33 on Riverflow 2.0 Pro)').waitFor();
    await s.ui.getByLabel('Model', { exact: true }).selectOption({ label: 'Riverflow 2.0 Fast — drafts at two cents, 1K and 2K' });
    expect(await s.ui.getByLabel('Size').getByRole('option', { selected: true }).textContent()).toMatch(/^2K · 16:9 · 2560×1440/);
    await s.ui.getByLabel('Model', { exact: true }).selectOption({ label: 'Riverflow 1.1 Mini — quick tries, priced per megapixel' });
    expect(await s.ui.getByLabel('Size').getByRole('option', { selected: true }).textContent()).toBe('1K · 16:9 · 1280×720 (matched)');
    await s.ui.getByText('Estimated cost: $0.0265 (1 image × $0.0265 on Riverflow 1.1 Mini)').waitFor();
    // An override of the ratio survives a switch too.
    await s.ui.getByLabel('Size').selectOption('1K (3:2)');
    await s.ui.getByLabel('Model', { exact: true }).selectOption({ label: 'Riverflow 2.0 Pro — print finals at 2K and 4K' });
    expect(await s.ui.getByLabel('Size').getByRole('option', { selected: true }).textContent()).toBe('1K · 3:2 · 1248×832');
    await s.ui.getByLabel('Model', { exact: true }).selectOption({ label: 'Riverflow 2.0 Fast — drafts at two cents, 1K and 2K' });
    await s.select('Box front', 'Label', 'Square tile', 'Poster 16:9', 'Banner 7:3');
    await s.ui.getByText('“Banner 7:3” is past Riverflow 2.0 Fast’s 4-reference limit: not sent.').waitFor();
    await s.context.close();
  });

  it('Edit again and Reuse settings bring back the model and size; the quick edit runs on the remembered model', async () => {
    h.emulator.reset();
    const s = await openSession(h);
    await s.useKey();
    await s.select('Square tile');
    await s.ui.getByLabel('Model', { exact: true }).selectOption({ label: 'Riverflow 2.0 Pro — print finals at 2K and 4K' });
    await s.ui.getByLabel('Size').selectOption('2K (1:1)');
    await s.prompt('Mint and graphite');
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Square tile”\. Cost \$0\.15\./).waitFor();
    expect(inference().map((t) => [t.model, t.width, t.height])).toEqual([[PRO, 2048, 2048]]);
    // A 2K result: ×2 is exactly Figma's 4096 px, ×3 would pass it.
    await expect.poll(() => s.ui.getByRole('button', { name: /^Upscale ×\d$/ }).allTextContents()).toEqual(['Upscale ×2']);
    // Another model meanwhile; Edit again on the result restores the result's own.
    await s.ui.getByLabel('Model', { exact: true }).selectOption({ label: 'Riverflow 1.1 — everyday edits at half the price' });
    await s.relaunch('edit');
    await expect.poll(() => s.ui.getByLabel('Model', { exact: true }).inputValue()).toBe(PRO);
    await expect.poll(() => s.ui.getByLabel('Size').inputValue()).toBe('2K (1:1)');
    await s.ui.getByLabel('Model', { exact: true }).selectOption({ label: 'Riverflow 1.1 — everyday edits at half the price' });
    await s.ui.getByRole('button', { name: /History/ }).click();
    await s.ui.getByRole('list', { name: 'History' }).getByRole('button', { name: 'Reuse settings' }).first().click();
    await expect.poll(() => s.ui.getByLabel('Model', { exact: true }).inputValue()).toBe(PRO);
    await expect.poll(() => s.ui.getByLabel('Size').inputValue()).toBe('2K (1:1)');
    // The quick edit reads the remembered model and tier: "16:9" is 2.0 Pro's 2K 16:9.
    h.emulator.reset();
    await s.select('Poster 16:9');
    await s.page.evaluate(() => window.playground.quickEdit('Make it teal', '16:9'));
    await expect.poll(() => s.evaluate((host) => host.closed), { timeout: 30_000 }).toBe(true);
    expect(inference().map((t) => [t.model, t.width, t.height])).toEqual([[PRO, 2560, 1440]]);
    await s.context.close();
  });
});
