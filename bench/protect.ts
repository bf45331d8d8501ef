import { asRatio, placementBaseline, readyRun, toggleProtect } from './baseline.ts';
import { watchMemory } from './family.ts';
import { line, median } from './print.ts';
import { openSession, startHarness, type Session } from '../test/e2e/harness.ts';

const FRAME = 'Snack pack';
const panel = (s: Session) => s.page.frames().find((f) => f.url().includes('/plugin/ui.html'))!;

/** One run of `n` variations on the Snack pack: click → last result placed, the emulator's time left out; then how long the panel took to measure the change. */
async function run(s: Session, h: Awaited<ReturnType<typeof startHarness>>, n: number, watch = false) {
  await readyRun(s, h.emulator, FRAME, n);
  const memory = watch ? await watchMemory(s) : undefined;
  await s.generate();
  await s.ui.getByText(new RegExp(`^Placed ${n} images? beside “${FRAME}”`)).waitFor({ timeout: 300_000 });
  const peaks = await memory?.stop();
  const total = await s.evaluate((host) => host.undoSteps.at.at(-1)! - host.messageLog[0]!.at);
  const server = h.emulator.requests.reduce((t, r) => t + r.ms, 0) + h.emulator.downloads.reduce((t, d) => t + d.ms, 0);
  // The change measure runs after the results are shown: wait for its end mark, then read its span.
  await s.ui.getByTestId('change-line').filter({ hasNotText: 'Measuring' }).waitFor({ timeout: 120_000 });
  const frame = panel(s);
  await frame.waitForFunction(() => performance.getEntriesByName('riverflow-measured').length > 0);
  const measure = await frame.evaluate(() => {
    const end = performance.getEntriesByName('riverflow-measured').at(-1)!.startTime;
    const start = performance.getEntriesByName('riverflow-measuring').at(-1)!.startTime;
    performance.clearMarks('riverflow-measured');
    return end - start;
  });
  return { overhead: total - server, measure, ...peaks };
}

/**
 * Protect and Show changes: what giving protected layers back adds to a run (the same frame and run
 * with and without its barcode and logo protected), how long the panel takes to measure the change of
 * 1 and 20 results, as ratios to the same run's placement minimum, and the panel's peak memory.
 */
export async function protectFigures() {
  console.log('# Protect and the change measure: Snack pack (1200×900 → 1152×864), barcode and logo protected (medians)');
  const h = await startHarness({ requestTimeoutMs: 120_000, pollLimitMs: 600_000, pollScale: 0.001 });
  try {
    const s = await openSession(h);
    await s.useKey();
    await s.prompt('Autumn edition, warm colours');
    for (const n of [1, 20]) {
      // A difference of two medians: one result needs more runs than twenty to hold still.
      const runs = n === 1 ? 9 : 2;
      await toggleProtect(s, 'Barcode', true);
      await toggleProtect(s, 'Logo', true);
      const protectedRuns = [];
      for (let i = 0; i < runs; i++) protectedRuns.push(await run(s, h, n));
      await toggleProtect(s, 'Barcode', false);
      await toggleProtect(s, 'Logo', false);
      const plainRuns = [];
      for (let i = 0; i < runs; i++) plainRuns.push(await run(s, h, n));
      const baseline = await placementBaseline(s, n, 3);
      const added = median(protectedRuns.map((r) => r.overhead)) - median(plainRuns.map((r) => r.overhead));
      const results = `${n} result${n > 1 ? 's' : ''}`;
      line(
        `protection, ${results}`.padEnd(28),
        `adds ${added.toFixed(0)} ms`.padEnd(20),
        `= ${asRatio(Math.max(0, added), baseline, n === 1 ? 10 : 6)}  (the frame's render, two outlines, restoring and measuring them; protected minus the same run unprotected)`,
      );
      const measured = median([...protectedRuns, ...plainRuns].map((r) => r.measure));
      line(
        `change measure, ${results}`.padEnd(28),
        `${measured.toFixed(0)} ms`.padEnd(20),
        `= ${asRatio(measured, baseline, n === 1 ? 5 : 3)}  (ΔE2000 per pixel on 240 px copies, heat maps, one result at a time, yielding between)`,
      );
    }
    await toggleProtect(s, 'Barcode', true);
    await toggleProtect(s, 'Logo', true);
    const watched = await run(s, h, 1, true);
    const decodedMb = (1152 * 864 * 4) / 1e6;
    const vs = (mb: number) =>
      `= ${(mb / decodedMb).toFixed(2)}× the decoded image (${decodedMb.toFixed(1)} MB) · goal ≤ 3× · ${mb <= 3 * decodedMb ? 'within' : 'OVER'}`;
    line(
      'iframe peak JS heap'.padEnd(28),
      `${(watched.peakMb ?? 0).toFixed(1)} MB over the start`.padEnd(24),
      `${vs(watched.peakMb ?? 0)}  (a protected 1K run, measured)`,
    );
    // The same run unprotected: what the panel's process takes for any 1K run, and so what protecting adds.
    await toggleProtect(s, 'Barcode', false);
    await toggleProtect(s, 'Logo', false);
    const plain = await run(s, h, 1, true);
    const rss = watched.rssPeakMb ?? 0;
    const plainRss = plain.rssPeakMb ?? 0;
    line(
      'iframe peak memory'.padEnd(28),
      `${rss.toFixed(1)} MB over the start`.padEnd(24),
      `= ${(rss / decodedMb).toFixed(2)}× the decoded image  (the panel's process, resident; the same run unprotected ${plainRss.toFixed(1)} MB = ${(plainRss / decodedMb).toFixed(2)}×)`,
    );
    line('  of which protection'.padEnd(28), `${Math.max(0, rss - plainRss).toFixed(1)} MB`.padEnd(24), vs(Math.max(0, rss - plainRss)));
  } finally {
    await h.close();
  }
}
