import { readFileSync, writeFileSync } from 'node:fs';
import { asRatio, placementBaseline, readyRun, toggleProtect } from './baseline.ts';
import { line, median } from './print.ts';
import { openSession, startHarness, type Session } from '../test/e2e/harness.ts';

/**
 * The plugin iframe's own process (Chromium isolates a sandboxed iframe in a process of its own) and
 * its resident memory from /proc: ArrayBuffers, decoded bitmaps and canvases live outside the JS heap.
 * The process is found by touching 64 MB in the iframe and seeing which renderer grows; `reset` sets
 * its peak (VmHWM) back to what it holds now.
 */
async function iframeProcess(s: Session) {
  const cdp = await s.context.browser()!.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  const kb = (pid: number, key: string) =>
    Number(
      /(\d+) kB/.exec(
        readFileSync(`/proc/${pid}/status`, 'utf8')
          .split('\n')
          .find((l) => l.startsWith(key)) ?? '',
      )?.[1] ?? 0,
    ) * 1000;
  const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  const before = new Map(renderers.map((pid) => [pid, kb(pid, 'VmRSS:')]));
  const frame = panelFrame(s);
  await frame.evaluate(() => void ((window as unknown as { probe?: Uint8Array }).probe = new Uint8Array(64e6).fill(1)));
  const pid = renderers.reduce((a, b) => (kb(b, 'VmRSS:') - before.get(b)! > kb(a, 'VmRSS:') - before.get(a)! ? b : a));
  await frame.evaluate(() => void delete (window as unknown as { probe?: Uint8Array }).probe);
  return {
    reset: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    rss: () => kb(pid, 'VmRSS:'),
    peak: () => kb(pid, 'VmHWM:'),
  };
}

const panelFrame = (s: Session) => s.page.frames().find((f) => f.url().includes('/plugin/ui.html'))!;

/**
 * Watches the plugin iframe through a run: its JS heap with ArrayBuffers (its own isolate, sampled
 * every 25 ms) and its process's peak resident memory. Sampling interrupts the panel's thread, so
 * timed runs are not watched.
 */
export async function watchMemory(s: Session) {
  const cdp = await s.context.newCDPSession(panelFrame(s));
  const heap = async () => {
    const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    return u.usedSize + (u.backingStorageSize ?? 0);
  };
  const process = await iframeProcess(s);
  await cdp.send('HeapProfiler.collectGarbage');
  process.reset();
  const rssBefore = process.rss();
  const before = await heap();
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await heap());
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  return {
    async stop() {
      sampling = false;
      await sampler;
      await cdp.detach();
      return { peakMb: (peak - before) / 1e6, rssPeakMb: (process.peak() - rssBefore) / 1e6 };
    },
  };
}

/** One 2.0 Pro 4K run from the panel: its overhead (click → last result placed, the emulator's time taken out) and the tiles placed. */
async function fourKRun(s: Session, h: Awaited<ReturnType<typeof startHarness>>, frame: string, size: string, variations: number, watch = false) {
  await readyRun(s, h.emulator, frame, variations, size);
  const memory = watch ? await watchMemory(s) : undefined;
  await s.generate();
  await s.ui.getByText(new RegExp(`^Placed ${variations} images? beside “${frame}”`)).waitFor({ timeout: 300_000 });
  const peaks = await memory?.stop();
  // The emulator really renders a 4K image (seconds, on this CPU): what counts is the plugin's own work once an
  // image has arrived, so the overhead is the time covered by [image delivered, image placed] spans.
  const placedAt = await s.evaluate((host) => host.undoSteps.at.map((at) => performance.timeOrigin + at));
  const arrived = h.emulator.deliveries.map((d) => d.askedAt).sort((a, b) => a - b);
  let overhead = 0;
  let until = 0;
  arrived.forEach((from, i) => {
    const to = placedAt[i] ?? from;
    overhead += Math.max(0, to - Math.max(from, until));
    until = Math.max(until, to);
  });
  const total = placedAt.at(-1)! - arrived[0]!;
  const tiles = await s.evaluate((host) => host.page.children.at(-1)?.children.length ?? 0);
  return { overhead, total, tiles, ...peaks };
}

/** The panel's peaks through one watched run, against the decoded image (goal ≤ 3× each). */
function memoryLines(watched: { peakMb?: number; rssPeakMb?: number }, decodedMb: number, what: string) {
  const vs = (mb: number) =>
    `= ${(mb / decodedMb).toFixed(2)}× the decoded image (${decodedMb.toFixed(0)} MB) · goal ≤ 3× · ${mb <= 3 * decodedMb ? 'within' : 'OVER'}`;
  const heap = watched.peakMb ?? 0;
  const rss = watched.rssPeakMb ?? 0;
  line(
    'iframe peak JS heap'.padEnd(28),
    `${heap.toFixed(0)} MB over the start`.padEnd(24),
    `${vs(heap)}  (${what}: the panel's own isolate, ArrayBuffers included)`,
  );
  line(
    'iframe peak memory'.padEnd(28),
    `${rss.toFixed(0)} MB over the start`.padEnd(24),
    `${vs(rss)}  (the panel's process, resident: decoded bitmaps, canvases, buffers)`,
  );
}

/**
 * The Riverflow family's figures: 2.0 Pro 4K results placed as tiles (decode, cut, one message per
 * tile, placement), the panel's peak heap while it does so, and what 20 drafts cost per model.
 */
export async function familyFigures() {
  console.log('# Riverflow family: 4K results as tiles, drafts (medians)');
  const h = await startHarness({ requestTimeoutMs: 120_000, pollLimitMs: 600_000, pollScale: 0.001 });
  try {
    const s = await openSession(h);
    await s.useKey();
    await s.prompt('Print final, deep indigo');
    // What 20 variations are estimated at, read in the panel as a designer sees it.
    const estimate = async (label: string) => {
      await s.page.evaluate((n) => window.playground.selectByName([n]), 'Box front');
      await s.ui.getByText('Box front', { exact: true }).first().waitFor();
      await s.ui.getByLabel('Model', { exact: true }).selectOption({ label });
      await s.ui.getByLabel('Variations').fill('20');
      return (await s.ui.getByTestId('estimate').textContent())!.replace(/^Estimated cost: /, '');
    };
    const draft = await estimate('Riverflow 2.0 Fast — drafts at two cents, 1K and 2K');
    const pro = await estimate('Riverflow 1.1 Pro — finals at 1K, the most faithful edits');
    line('estimate, 20 variations'.padEnd(28), `2.0 Fast ${draft}`.padEnd(50), `· 1.1 Pro ${pro}`);
    // Riverflow 2.5 Fast is priced by thinking effort: the estimate at each level, as the Thinking control sets it.
    await estimate('Riverflow 2.5 Fast — cutouts, judged candidates, priced by thinking');
    for (const level of ['low', 'medium', 'high']) {
      await s.ui.getByLabel('Thinking').selectOption(level);
      const text = (await s.ui.getByTestId('estimate').textContent())!.replace(/^Estimated cost: /, '');
      line(`estimate, 20 variations`.padEnd(28), `2.5 Fast, thinking ${level}: ${text}`);
    }

    await s.ui.getByLabel('Model', { exact: true }).selectOption({ label: 'Riverflow 2.0 Pro — print finals at 2K and 4K' });
    // Goals in ms from the issue (1.5 s, 4 s), and as ratios to the least the same tiles cost to place here
    // (decode, createImage, a rectangle each): 1.5 s and 4 s over that minimum on the 2-core machine.
    for (const [label, frame, size, n, runs, goalMs, goalRatio, decodedMb] of [
      ['click→placed, 1 at 6048×2592', 'Banner 7:3', '4K (7:3)', 1, 3, 1500, 12, (6048 * 2592 * 4) / 1e6],
      ['click→placed, 4 at 4608×3456', 'Box front', '4K (4:3)', 4, 2, 4000, 8, (4608 * 3456 * 4) / 1e6],
    ] as const) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await fourKRun(s, h, frame, size, n));
      const overhead = median(samples.map((x) => x.overhead));
      const baseline = await placementBaseline(s, n * 2, 3);
      line(
        label.padEnd(28),
        `overhead ${overhead.toFixed(0)} ms · goal ≤ ${goalMs} ms · ${overhead <= goalMs ? 'within' : 'OVER'}`.padEnd(44),
        `= ${asRatio(overhead, baseline, goalRatio)}  (${samples[0]!.tiles} tiles a result; image delivered → placed, the emulator's rendering left out)`,
      );
      if (n === 1) memoryLines(await fourKRun(s, h, frame, size, n, true), decodedMb, '6048×2592 run');
    }
    // A protected frame at 4K: the composite made at full size (the frame's render, the model's image,
    // the barcode given back), then cut into tiles. The same goals as a plain 4K result.
    await toggleProtect(s, 'Barcode', true);
    const protectedRuns = [];
    for (let i = 0; i < 3; i++) protectedRuns.push(await fourKRun(s, h, 'Snack pack', '4K (4:3)', 1));
    const protectedOverhead = median(protectedRuns.map((x) => x.overhead));
    line(
      'click→placed, protected 4K'.padEnd(28),
      `overhead ${protectedOverhead.toFixed(0)} ms`.padEnd(44),
      `= ${asRatio(protectedOverhead, await placementBaseline(s, 2, 3), 12)}  (Snack pack at 4608×3456, its barcode protected: composite at full size, ${protectedRuns[0]!.tiles} tiles)`,
    );
    memoryLines(await fourKRun(s, h, 'Snack pack', '4K (4:3)', 1, true), (4608 * 3456 * 4) / 1e6, 'protected 4608×3456 run');
    await toggleProtect(s, 'Barcode', false);
  } finally {
    await h.close();
  }
}
