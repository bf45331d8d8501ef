/**
 * `npm run bench`: the speed and size figures of issue 4, printed one per line.
 * Not a test: nothing here passes or fails; the README records the figures and the goals.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { readImageSize } from '../core/imageInfo.ts';
import { matchPreset } from '../core/sizes.ts';
import { bootPlugin } from '../test/helpers/bootPlugin.ts';
import { openSession, startHarness } from '../test/e2e/harness.ts';

const line = (...parts: (string | number)[]) => console.log(parts.join('  '));
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function photo(width: number, height: number): Promise<Uint8Array> {
  // Photographic content: smooth gradients plus sensor-like noise.
  const noise = await sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 120, sigma: 40 } } }).blur(2).png().toBuffer();
  return new Uint8Array(await sharp(noise).modulate({ saturation: 1.4 }).jpeg({ quality: 88 }).toBuffer());
}

async function referenceBytes() {
  console.log('# Reference payloads: what the plugin sends vs a naive 1× PNG export');
  const p = bootPlugin();
  const fixtures: [string, number, number, boolean][] = [
    ['small 200×150', 200, 150, false],
    ['frame 1152×864', 1152, 864, false],
    ['frame 4000×3000', 4000, 3000, false],
    ['strip 3000×300', 3000, 300, false],
    ['tower 300×3000', 300, 3000, false],
    ['photo 1152×864', 1152, 864, true],
    ['photo 4000×3000', 4000, 3000, true],
  ];
  let id = 1;
  for (const [name, w, h, isPhoto] of fixtures) {
    const node = p.host.addFrame(name, { x: 0, y: id * 5000, width: w, height: h }, { background: '#efe6d2', accent: '#2f4f7f', title: 'Moss & Co.', subtitle: 'Herbal tea' }, isPhoto ? 'RECTANGLE' : 'FRAME');
    const original = isPhoto ? await photo(w, h) : undefined;
    if (original) node.fills = [{ type: 'IMAGE', imageHash: p.host.figma.createImage(original).hash, scaleMode: 'FILL' } as ImagePaint];
    const preset = matchPreset(w, h);
    p.sent.length = 0;
    await p.ask({ type: 'export-references', id: id++, nodeIds: [node.id], maxLongSide: Math.max(preset.width, preset.height), skipCache: true });
    const ref = p.sent.find((m) => m.type === 'reference');
    if (ref?.type !== 'reference' || !('bytes' in ref.reference)) throw new Error('no reference');
    const naive = await node.exportAsync({ format: 'PNG' });
    const size = readImageSize(ref.reference.bytes)!;
    const format = `${ref.reference.mime === 'image/jpeg' ? 'JPG' : 'PNG'}${original && Buffer.from(original).equals(Buffer.from(ref.reference.bytes)) ? ', original file' : ''}`;
    line(
      `reference ${name}`.padEnd(28),
      `sent ${kb(ref.reference.bytes.length)} (${format} ${size.width}×${size.height})`.padEnd(44),
      `naive ${kb(naive.length)}`.padEnd(18),
      `ratio ${(naive.length / ref.reference.bytes.length).toFixed(1)}×`,
    );
  }
}

function bundles() {
  console.log('# Bundles (goal: ui.html ≤ 40 KB, code.js ≤ 12 KB gzipped; KB = 1000 bytes)');
  for (const [file, goal] of [['dist/ui.html', 40_000], ['dist/code.js', 12_000]] as const) {
    const raw = readFileSync(file);
    const gz = gzipSync(raw).length;
    line(`bundle ${file}`.padEnd(28), `raw ${(raw.length / 1000).toFixed(1)} KB`.padEnd(16), `gzipped ${(gz / 1000).toFixed(2)} KB`.padEnd(20), gz <= goal ? 'within goal' : 'OVER GOAL');
  }
}

async function browserFigures() {
  console.log('# In Chromium against the emulator at zero latency (medians)');
  const h = await startHarness();
  try {
    const s = await openSession(h);
    await s.useKey();
    await s.prompt('Make the box deep indigo');

    const run = async (variations: number) => {
      await s.select('Box front');
      await s.ui.getByLabel('Variations').fill(String(variations));
      h.emulator.reset();
      await s.evaluate((host) => {
        host.messageLog.length = 0;
        host.undoSteps.at.length = 0;
      });
      await s.generate();
      await s.ui.getByText(/^Placed \d+ images? beside “Box front”/).waitFor({ timeout: 60_000 });
      // Timed in the page, from the UI's first message after the click to the last result's
      // undo step: a test driver's own latency would otherwise dominate the figure.
      const total = await s.evaluate((host) => host.undoSteps.at.at(-1)! - host.messageLog.find((m) => m.type === 'export-references')!.at);
      const server = h.emulator.requests.reduce((n, r) => n + r.ms, 0) + h.emulator.downloads.reduce((n, d) => n + d.ms, 0);
      const bytes = h.emulator.requests.reduce((n, r) => n + r.bytes, 0);
      return { total, server, overhead: total - server, bytes };
    };

    const first = await run(1);
    const repeat = await run(1);
    line('bytes sent, first run'.padEnd(28), kb(first.bytes), '(upload of the reference + task + polls)');
    line('bytes sent, repeat run'.padEnd(28), kb(repeat.bytes), '(no image bytes: the cached upload UUID is sent)');

    for (const [n, runs, goal] of [[1, 7, 100], [20, 5, 1000]] as const) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await run(n));
      const overhead = median(samples.map((x) => x.overhead));
      line(
        `click→placed, ${n} result${n > 1 ? 's' : ''}`.padEnd(28),
        `overhead ${overhead.toFixed(0)} ms`.padEnd(20),
        `(total ${median(samples.map((x) => x.total)).toFixed(0)} ms − server ${median(samples.map((x) => x.server)).toFixed(0)} ms; goal ≤ ${goal} ms)`,
      );
    }

    const opens = [];
    for (let i = 0; i < 7; i++) {
      await s.page.getByRole('button', { name: 'Close & reopen plugin' }).click();
      await s.ui.getByRole('button', { name: 'Generate' }).waitFor();
      // Read inside the plugin iframe: from its navigation start to the panel's first usable render.
      const frame = s.page.frames().find((f) => f.url().includes('/plugin/ui.html'))!;
      opens.push(await frame.evaluate(() => performance.getEntriesByName('riverflow-interactive')[0]!.startTime));
    }
    line('UI open→interactive'.padEnd(28), `${median(opens).toFixed(0)} ms`, '(iframe navigation start → panel rendered with init data, incl. code.js start; goal ≤ 150 ms)');
  } finally {
    await h.close();
  }
}

await referenceBytes();
bundles();
await browserFigures();
