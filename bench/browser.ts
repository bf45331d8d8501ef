import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { asRatio, openBaseline, placementBaseline } from './baseline.ts';
import { median, kb, line } from './print.ts';
import { openSession, startHarness } from '../test/e2e/harness.ts';
import { messageFigures } from './messages.ts';

export async function browserFigures() {
  console.log('# In Chromium against the emulator at zero latency (medians)');
  // Polls 1000× faster than real: the figure is the plugin's own work, not the poll schedule (see delivery.ts).
  const h = await startHarness({ requestTimeoutMs: 60_000, pollLimitMs: 600_000, pollScale: 0.001 });
  try {
    const s = await openSession(h);
    await s.useKey();
    await s.prompt('Make the box deep indigo');

    const run = async (variations: number) => {
      await s.evaluate((host) => host.select([host.page.children.find((n) => n.name === 'Box front')!]));
      await s.ui.getByText('Box front', { exact: true }).waitFor();
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

    // Goals as ratios to the same run's minimum (placementBaseline): the times alone move 2–3× between machines.
    // Each ratio is the earlier goal in ms (100, 1000, 500) over the minimum measured on the 2-core machine.
    for (const [n, runs, goalRatio] of [
      [1, 7, 25],
      [20, 5, 12],
    ] as const) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await run(n));
      const overhead = median(samples.map((x) => x.overhead));
      const baseline = await placementBaseline(s, n);
      line(
        `click→placed, ${n} result${n > 1 ? 's' : ''}`.padEnd(28),
        `overhead ${overhead.toFixed(0)} ms`.padEnd(20),
        `= ${asRatio(overhead, baseline, goalRatio)}  (total ${median(samples.map((x) => x.total)).toFixed(0)} ms − server ${median(samples.map((x) => x.server)).toFixed(0)} ms)`,
      );
    }

    /** An area edit or a run with text kept sharp: the same overhead, with the copy, the crop and the composite in it. */
    const compositeRun = async (select: string, name: string, keepText: boolean) => {
      await s.page.evaluate((n) => window.playground.selectByName([n]), select);
      await s.ui.getByText(name, { exact: true }).first().waitFor();
      const keep = s.ui.getByRole('checkbox', { name: 'Keep text layers sharp' });
      if ((await keep.isChecked()) !== keepText) await keep.setChecked(keepText);
      await s.ui.getByLabel('Variations').fill('1');
      h.emulator.reset();
      await s.evaluate((host) => {
        host.messageLog.length = 0;
        host.undoSteps.at.length = 0;
      });
      await s.generate();
      await s.ui.getByText(new RegExp(`^Placed 1 image beside “${name}”`)).waitFor({ timeout: 60_000 });
      const total = await s.evaluate((host) => host.undoSteps.at.at(-1)! - host.messageLog.find((m) => m.type === 'prepare-composite')!.at);
      const server = h.emulator.requests.reduce((n, r) => n + r.ms, 0) + h.emulator.downloads.reduce((n, d) => n + d.ms, 0);
      return total - server;
    };
    for (const [label, select, name, keepText, goal] of [
      ['area edit, 1 result', 'Pack shot/Retouch area', 'Pack shot', false, 30],
      ['text kept sharp, 1 result', 'Price tag', 'Price tag', true, 60],
    ] as const) {
      const samples = [];
      for (let i = 0; i < 5; i++) samples.push(await compositeRun(select, name, keepText));
      const baseline = await placementBaseline(s, 1);
      line(
        `click→placed, ${label}`.padEnd(28),
        `overhead ${median(samples).toFixed(0)} ms`.padEnd(20),
        `= ${asRatio(median(samples), baseline, goal)}  (temporary copy, crop and base exports, composite in the canvas, frame with text)`,
      );
    }
    await s.ui.getByRole('checkbox', { name: 'Keep text layers sharp' }).setChecked(false);

    /**
     * Median open→interactive over `times` reopenings, read inside the plugin iframe, from the moment
     * its document is there (the playground fetches ui.html; Figma hands it over inline) to the first
     * usable render; and where the time goes, per phase, from the panel's own marks.
     */
    const PHASES = ['riverflow-document', 'riverflow-start', 'riverflow-modules', 'riverflow-init', 'riverflow-interactive'] as const;
    let phases: number[] = [];
    const openTimes = async (times: number) => {
      const opens: number[][] = [];
      for (let i = 0; i < times; i++) {
        await s.page.getByRole('button', { name: 'Close & reopen plugin' }).click();
        await s.ui.getByRole('button', { name: 'Generate' }).waitFor();
        const frame = s.page.frames().find((f) => f.url().includes('/plugin/ui.html'))!;
        const marks = await frame.evaluate((names) => names.map((n) => performance.getEntriesByName(n)[0]!.startTime), [...PHASES]);
        const fetched = await frame.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd);
        opens.push([fetched, ...marks]);
      }
      phases = opens[0]!.map((_, i) => median(opens.map((o) => o[i]! - (i ? o[i - 1]! : 0))));
      return median(opens.map((o) => o.at(-1)! - o[0]!));
    };
    const phaseLine = () =>
      `  (before it: fetching ui.html ${phases[0]!.toFixed(0)} ms, playground only · the frame's start ${phases[1]!.toFixed(0)} ms: document there → its first script runs, Chromium's own · CSS and bundle parse ${phases[2]!.toFixed(0)} ms · modules set up ${phases[3]!.toFixed(0)} ms · ui-ready→init ${phases[4]!.toFixed(0)} ms: the round trip to the main thread · first render ${phases[5]!.toFixed(0)} ms)`;
    // The least a panel can cost, the same bytes parsed and painted; and that with the one round trip
    // to the main thread no panel can skip (its key and settings are where only the main thread reads):
    // the goal is read against the second, the first is shown beside it.
    const openMin = await openBaseline(s);
    const openTrip = await openBaseline(s, 7, true);
    const openLine = (label: string, ms: number, what: string) =>
      line(
        label.padEnd(28),
        `${ms.toFixed(0)} ms`.padEnd(10),
        `= ${asRatio(ms, openTrip, 4)}  (${what}; ${(ms / openMin).toFixed(1)}× the minimum without the round trip)`,
      );
    const open1 = await openTimes(7);
    openLine('UI open→interactive', open1, 'document there → panel rendered with init data, incl. code.js start');
    line('  where it goes'.padEnd(28), phaseLine());
    // What the bundle's size costs a designer: its parse at every open, scaled to the 40 KB the old goal asked for.
    const gz = gzipSync(readFileSync('dist/ui.html')).length / 1000;
    // Only the bundle's part: the frame's start before its first script does not move with the bytes.
    const parse = phases[2]!;
    line(
      'UI parse, bundle size'.padEnd(28),
      `${parse.toFixed(0)} ms for ${gz.toFixed(1)} KB gzipped = ${((parse / open1) * 100).toFixed(0)}% of open→interactive; at 40 KB ≈ ${((parse * 40) / gz).toFixed(0)} ms (−${(parse - (parse * 40) / gz).toFixed(0)} ms) · goal: parse ≤ 40% of the open · ${parse / open1 <= 0.4 ? 'within' : 'OVER'}`,
    );

    // A page with a long history: 200 Riverflow results beside the frames.
    await s.evaluate(async (host) => {
      const canvas = new OffscreenCanvas(256, 192);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#2f4f7f';
      ctx.fillRect(0, 0, 256, 192);
      const png = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      const hash = host.figma.createImage(png).hash;
      for (let i = 0; i < 200; i++) {
        const node = host.addFrame(
          `Old result ${i}`,
          { x: 50_000 + (i % 20) * 300, y: Math.floor(i / 20) * 300, width: 256, height: 192 },
          undefined,
          'RECTANGLE',
        );
        node.fills = [{ type: 'IMAGE', imageHash: hash, scaleMode: 'FILL' } as ImagePaint];
        const provenance = {
          prompt: `Run ${i}`,
          model: 'sourceful:1@2',
          width: 1152,
          height: 864,
          runId: `run-${i}`,
          taskUUID: `t-${i}`,
          imageUUID: `i-${i}`,
          sourceNodeId: '1:1',
          createdAt: i,
          index: 1,
        };
        node.setPluginData('riverflow', JSON.stringify(provenance));
      }
    });
    openLine('open→interactive, 200 results', await openTimes(5), 'the same, with 200 Riverflow results on the page');
    line('  where it goes'.padEnd(28), phaseLine());
    const exportsBefore = await s.evaluate((host) => host.exportCalls.length);
    await run(1);
    // Let the panel's debounced previews settle before counting.
    await new Promise((r) => setTimeout(r, 600));
    const exports = (await s.evaluate((host) => host.exportCalls.length)) - exportsBefore;
    line(
      'exports per run, 200 results'.padEnd(28),
      `${exports}`,
      '(the reference, the frame’s refreshed thumbnail, the compare view’s source; none for the history: goal flat, not 200+)',
    );
    // The same one-result run as above, now with 200 results in History: the panel re-renders at
    // each step of a run, and a long History must not make every step slower.
    const crowded = [];
    for (let i = 0; i < 5; i++) crowded.push((await run(1)).overhead);
    const crowdedBaseline = await placementBaseline(s, 1);
    line(
      'click→placed, 200 in History'.padEnd(28),
      `overhead ${median(crowded).toFixed(0)} ms`.padEnd(20),
      `= ${asRatio(median(crowded), crowdedBaseline, 25)}  (1 result, as above, with 200 earlier results on the page)`,
    );
    await messageFigures(s);
  } finally {
    await h.close();
  }
}
