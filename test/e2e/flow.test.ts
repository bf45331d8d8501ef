import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readImageSize } from '../../core/imageInfo.ts';
import { matchPreset, presetLabel } from '../../core/sizes.ts';
import { KEY, OUTPUT_DIR, openSession } from './harness.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inferences = () => h.emulator.requests.filter((r) => r.tasks.some((t) => t.taskType === 'imageInference'));
const uploads = () => h.emulator.requests.filter((r) => r.tasks.some((t) => t.taskType === 'imageUpload'));

describe('the main flow in Chromium, against the emulator', () => {
  it('takes a 1152×864 frame and a prompt to one correct request and an image beside the untouched source', async () => {
    h.emulator.reset();
    const s = await openSession(h);
    await s.select('Box front');
    await s.useKey();
    await s.prompt('Make the box deep indigo with a copper foil band');
    await expect.poll(() => s.ui.getByLabel('Size').inputValue()).toBe('1K (4:3)');
    await s.page.screenshot({ path: `${OUTPUT_DIR}/ui-light-before.png` });
    const snapshot = () =>
      s.evaluate((host) => {
        const n = host.page.children.find((c) => c.name === 'Box front')!;
        return JSON.stringify([n.name, n.x, n.y, n.width, n.height, n.visible, n.fills, [...n.pluginData], n.relaunchData, n.children.length]);
      });
    const before = await snapshot();
    // ⌘/Ctrl+Enter in the prompt runs, as the hint under it says.
    await s.ui.getByLabel('Prompt', { exact: true }).press('Control+Enter');
    await s.ui.getByText('Placed 1 image beside “Box front”. Cost $0.077.').waitFor();

    const [request] = inferences();
    const task = request!.tasks[0]!;
    expect(request!.auth).toBe('header');
    expect(task).toMatchObject({
      taskType: 'imageInference',
      model: 'sourceful:1@2',
      positivePrompt: 'Make the box deep indigo with a copper foil band',
      width: 1152,
      height: 864,
      numberResults: 1,
      includeCost: true,
      deliveryMethod: 'async',
      // Inline: the result never depends on the image host's CORS.
      outputType: 'base64Data',
      outputFormat: 'PNG',
    });
    const uploadUuid = (task.inputs as { referenceImages: string[] }).referenceImages;
    expect(uploadUuid).toHaveLength(1);
    expect(h.emulator.charges).toHaveLength(1);

    const nodes = await s.evaluate((host) =>
      host.page.children.map((n) => ({ name: n.name, x: n.x, y: n.y, width: n.width, height: n.height, fills: n.fills.map((f) => f.type) })),
    );
    const source = nodes.find((n) => n.name === 'Box front')!;
    const result = nodes.find((n) => n.name === 'Box front — Riverflow 1')!;
    expect(result).toMatchObject({ y: source.y, width: 1152, height: 864, fills: ['IMAGE'] });
    expect(result.x).toBeGreaterThan(source.x + source.width);
    for (const n of nodes) if (n !== result) expect(overlap(n, result)).toBe(false);
    expect(await snapshot()).toBe(before);
    // The placed image is the emulator's edit at exactly the requested size.
    const size = await s.evaluate((host) => {
      const node = host.page.children.find((n) => n.name === 'Box front — Riverflow 1')!;
      const bytes = host.images.get((node.fills[0] as ImagePaint).imageHash!)!;
      return [
        bytes[16]! * 2 ** 24 + bytes[17]! * 2 ** 16 + bytes[18]! * 256 + bytes[19]!,
        bytes[20]! * 2 ** 24 + bytes[21]! * 2 ** 16 + bytes[22]! * 256 + bytes[23]!,
      ];
    });
    expect(size).toEqual([1152, 864]);
    await s.page.screenshot({ path: `${OUTPUT_DIR}/canvas-after-run.png` });
    await s.context.close();
  });

  it.each([
    ['Box front', 1152, 864],
    ['Label', 600, 800],
    ['Poster 16:9', 1600, 900],
    ['Square tile', 800, 800],
    ['Banner 7:3', 1400, 600],
    ['Story 9:16', 720, 1280],
  ])('matches the size to %s (%i×%i) and shows it as matched', async (name, w, hgt) => {
    const s = await openSession(h);
    await s.select(name);
    const expected = matchPreset(w, hgt);
    await expect.poll(() => s.ui.getByLabel('Size').inputValue()).toBe(expected.name);
    await expect.poll(() => s.ui.getByText(`Matched to “${name}”`).count()).toBe(1);
    expect(await s.ui.getByLabel('Size').getByRole('option', { selected: true }).textContent()).toBe(`${presetLabel(expected)} (matched)`);
    // The designer can still override it.
    await s.ui.getByLabel('Size').selectOption('1K (1:1)');
    if (expected.name !== '1K (1:1)') await s.ui.getByText(`Overridden: “${name}” matches ${expected.ratio}`).waitFor();
    await s.context.close();
  });

  it('sends 3 references in selection order, the first as the base', async () => {
    h.emulator.reset();
    const s = await openSession(h);
    await s.select('Label', 'Box front', 'Poster 16:9');
    await expect
      .poll(() => s.ui.getByRole('region', { name: 'References' }).getByRole('listitem').allTextContents())
      .toEqual(['Label600×800 · basePin↑↓×', 'Box front1152×864Pin↑↓×', 'Poster 16:91600×900Pin↑↓×']);
    await s.useKey();
    await s.prompt('Combine into one gift set');
    await s.generate();
    await s.ui.getByText(/Placed 1 image beside “Label”/).waitFor();
    // Uploads in order, each at the size the model reads (long side ≤ the output's, 864×1152 here).
    const sizes = uploads().map((r) => {
      const image = r.tasks[0]!.image as string;
      return readImageSize(new Uint8Array(Buffer.from(image.slice(image.indexOf(',') + 1), 'base64')));
    });
    expect(sizes).toEqual([
      { width: 600, height: 800 },
      { width: 1152, height: 864 },
      { width: 1152, height: 648 },
    ]);
    const refs = (inferences()[0]!.tasks[0]!.inputs as { referenceImages: string[] }).referenceImages;
    expect(refs).toHaveLength(3);
    expect(inferences()[0]!.tasks[0]).toMatchObject({ width: 864, height: 1152 });
    await s.context.close();
  });

  it('places 4 variations in a row with even gaps, overlapping nothing', async () => {
    h.emulator.reset();
    const s = await openSession(h);
    await s.evaluate((host) => {
      const source = host.page.children.find((n) => n.name === 'Square tile')!;
      host.addFrame('Sticky note', { x: source.x + source.width + 100, y: source.y, width: 300, height: 300 });
    });
    await s.select('Square tile');
    await s.useKey();
    await s.prompt('Four colourways');
    await s.ui.getByLabel('Variations').fill('4');
    await s.ui.getByText('Estimated cost: $0.308 (4 images × $0.077 on Riverflow 1.1 Pro)').waitFor();
    await s.generate();
    await s.ui.getByText('Placed 4 images beside “Square tile”. Cost $0.308.').waitFor();
    // One task per variation, all in one request: a finished image is never polled again.
    const [submit] = inferences();
    expect(submit!.tasks.map((t) => t.numberResults)).toEqual([1, 1, 1, 1]);
    expect(new Set(submit!.tasks.map((t) => t.taskUUID)).size).toBe(4);
    expect(h.emulator.charges).toHaveLength(4);
    const nodes = await s.evaluate((host) => host.page.children.map((n) => ({ name: n.name, x: n.x, y: n.y, width: n.width, height: n.height })));
    // Named and placed by variation, whatever order they arrived in: Riverflow 1 leftmost.
    const results = nodes.filter((n) => n.name.startsWith('Square tile — Riverflow')).sort((a, b) => a.name.localeCompare(b.name));
    expect(results.map((r) => r.name)).toEqual([1, 2, 3, 4].map((i) => `Square tile — Riverflow ${i}`));
    expect(results.map((r) => r.x)).toEqual([...results.map((r) => r.x)].sort((a, b) => a - b));
    for (const r of results) for (const n of nodes) if (n !== r) expect(overlap(r, n)).toBe(false);
    const gaps = results.slice(1).map((r, i) => r.x - (results[i]!.x + results[i]!.width));
    expect(new Set(gaps).size).toBe(1);
    expect(new Set(results.map((r) => r.y)).size).toBe(1);
    expect(await s.evaluate((host) => host.page.selection.length)).toBe(4);
    await s.context.close();
  });

  it('remembers the key across reopening, and keeps it out of the document, notifications and console', async () => {
    h.emulator.reset();
    const s = await openSession(h);
    await s.select('Box front');
    await s.useKey();
    await s.prompt('Brighter');
    await s.generate();
    await s.ui.getByText(/Placed 1 image/).waitFor();
    await s.reopen();
    // Once saved, the key stays out of the way: one line with Change key.
    await s.ui.getByRole('button', { name: 'Change key' }).click();
    const field = s.ui.getByLabel('API key');
    await expect.poll(() => field.inputValue()).toBe(KEY);
    expect(await field.getAttribute('type')).toBe('password');
    const documentText = await s.evaluate((host) => JSON.stringify(host.page.findAll().map((n) => [n.name, [...n.pluginData], n.relaunchData])));
    expect(documentText).toContain('Brighter');
    expect(documentText).not.toContain(KEY);
    expect(JSON.stringify(await s.evaluate((host) => host.notifications))).not.toContain(KEY);
    expect(s.console.join('\n')).not.toContain(KEY);
    expect(await s.evaluate((host) => host.storage.get('apiKey'))).toBe(KEY);
    // Forgetting removes it from clientStorage too.
    await s.ui.getByRole('button', { name: 'Forget key' }).click();
    await expect.poll(() => s.evaluate((host) => host.storage.has('apiKey'))).toBe(false);
    await s.context.close();
  });

  it('talks only to allow-listed hosts (the emulator stands in for Runware) and sends no image bytes on a repeat run', async () => {
    h.emulator.reset();
    const s = await openSession(h);
    await s.select('Banner 7:3');
    await s.useKey();
    await s.prompt('Pastel version');
    await s.generate();
    await s.ui.getByText(/Placed 1 image/).waitFor();
    expect(uploads()).toHaveLength(1);
    const firstRefs = (inferences()[0]!.tasks[0]!.inputs as { referenceImages: string[] }).referenceImages;
    h.emulator.reset();
    await s.select('Banner 7:3');
    await s.prompt('Pastel version, softer');
    await s.generate();
    await s.ui.getByText(/Placed 1 image/).waitFor();
    expect(uploads()).toHaveLength(0);
    expect((inferences()[0]!.tasks[0]!.inputs as { referenceImages: string[] }).referenceImages).toEqual(firstRefs);
    const sent = h.emulator.requests.reduce((n, r) => n + r.bytes, 0);
    expect(sent).toBeLessThan(2000);

    const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));
    const allowed = [
      ...manifest.networkAccess.allowedDomains,
      h.emulator.origin,
      h.emulator.origin.replace('http:', 'ws:'),
      h.playground.url.replace(/\/$/, ''),
    ];
    const offList = s.urls.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && !allowed.some((a) => u.startsWith(a)));
    expect(offList).toEqual([]);
    expect(s.urls.some((u) => u.startsWith(h.emulator.url))).toBe(true);
    await s.context.close();
  });

  it('looks right in the light and dark themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const s = await openSession(h, { theme });
      await s.select('Label');
      await s.prompt('Swap the red for forest green');
      const iframe = s.page.locator('iframe[title="Riverflow plugin"]');
      await iframe.screenshot({ path: `${OUTPUT_DIR}/ui-${theme}.png` });
      // What the panel's own CSS makes of Figma's theme variables: the page and its text, read back.
      const [background, text] = await s.ui.locator('body').evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]);
      const lightness = (rgb: string) =>
        rgb
          .match(/\d+/g)!
          .slice(0, 3)
          .reduce((sum, c) => sum + Number(c), 0) / 765;
      expect(theme === 'dark' ? lightness(background!) < 0.3 : lightness(background!) > 0.9).toBe(true);
      expect(Math.abs(lightness(background!) - lightness(text!))).toBeGreaterThan(0.6);
      await s.context.close();
    }
  });

  it('says what leaves the file: with the key step on the first run, then one “What is sent” away', async () => {
    const s = await openSession(h);
    const first = s.ui.getByRole('region', { name: 'What is sent, and where' });
    await first.waitFor();
    const text = (await first.textContent()) ?? '';
    for (const words of [
      'To Runware (api.runware.ai)',
      'the frames you select and your pinned references, as images (a placed photo as its own file, without what the camera wrote into it: no GPS position',
      'your prompt; the model and size',
      'Kept on this computer',
      'your Runware key, your recent prompts, your settings',
      'Written into this file',
      'prompt, model, size, seed, cost and run',
      'Paid from your own Runware account',
      'no key, no image, no analytics',
      'PRIVACY.md',
      'SUPPORT.md',
    ])
      expect(text).toContain(words);
    await s.page.locator('iframe[title="Riverflow plugin"]').screenshot({ path: `${OUTPUT_DIR}/what-is-sent.png` });
    await s.useKey();
    expect(await s.ui.getByRole('region', { name: 'What is sent, and where' }).count()).toBe(0);
    const link = s.ui.getByRole('button', { name: 'What is sent' });
    expect(await link.getAttribute('aria-expanded')).toBe('false');
    await link.click();
    expect(await link.getAttribute('aria-expanded')).toBe('true');
    await s.ui.getByRole('region', { name: 'What is sent, and where' }).waitFor();
    await s.context.close();
  });
});
