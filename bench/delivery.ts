import { openSession, startHarness } from '../test/e2e/harness.ts';
import { POLL_EVERY_MS } from '../core/runware/backoff.ts';
import { line, median, percentile } from './print.ts';

/**
 * Ready → placed: how long after Runware could first have answered with an image it is on
 * the canvas. The emulator's clock and the plugin's poll schedule both run SCALE× faster,
 * so 5–120 s server times fit in seconds; each task's figure is then put back in real
 * seconds. The wait for the next poll (asked − ready) lies within a gap between two polls
 * made of the scheduled sleep (scaled) and one round trip (not scaled): it is stretched by
 * (POLL + round trip) / measured gap. Then (placed − asked) is added as measured: the
 * poll's own handling, transfer, decode and placement.
 */
const SCALE = 20;

/** Server times spread over 5–120 s, one per variation. */
const spread = (n: number) => (i: number) => (n === 1 ? 60_000 : 5_000 + Math.round((115_000 * i) / (n - 1)));

export async function deliveryFigures() {
  console.log(`# Delivery: one task per variation, inline images, polled every 0.75 s (clock ×${SCALE}: 5–120 s server times)`);
  const h = await startHarness({ requestTimeoutMs: 60_000, pollLimitMs: (20 * 60_000) / SCALE, pollScale: 1 / SCALE });
  const readyToPlaced: number[] = [];
  let requests = 0;
  let tasks = 0;
  let wire = 0;
  let json = 0;
  let imageBytes = 0;
  try {
    const s = await openSession(h);
    await s.useKey();
    await s.prompt('Make the box deep indigo');
    for (const variations of [1, 5, 20]) {
      await s.select('Box front');
      await s.ui.getByLabel('Variations').fill(String(variations));
      h.emulator.reset();
      h.emulator.set({ clockScale: SCALE, serverMs: spread(variations) });
      await s.generate();
      await s.ui.getByText(/^Placed \d+ images? beside “Box front”/).waitFor({ timeout: 60_000 });
      const placedAt = await s.evaluate((host) =>
        Object.fromEntries(
          host.page.children
            .map((n) => n.getPluginData('riverflow'))
            .filter(Boolean)
            .map((d) => JSON.parse(d) as { taskUUID: string; createdAt: number })
            .map((p) => [p.taskUUID, p.createdAt]),
        ),
      );
      for (const d of h.emulator.deliveries) {
        const placed = placedAt[d.taskUUID];
        if (placed === undefined) continue;
        const gap = d.askedAt - d.previousAskedAt;
        const roundTrip = Math.max(0, gap - POLL_EVERY_MS / SCALE);
        const wait = Math.max(0, d.askedAt - d.readyAt) * ((POLL_EVERY_MS + roundTrip) / gap);
        readyToPlaced.push(wait + (placed - d.askedAt));
      }
      // Every request of the run after the upload: the submit and each poll.
      const run = h.emulator.requests.filter((r) => r.tasks.some((t) => t.taskType === 'imageInference' || t.taskType === 'getResponse'));
      requests += run.length;
      tasks += variations;
      wire += run.reduce((n, r) => n + r.answerBytes, 0);
      json += run.reduce((n, r) => n + r.answerJsonBytes, 0);
      imageBytes += h.emulator.deliveries.reduce((n, d) => n + d.bytes, 0);
    }
    await s.context.close();
  } finally {
    await h.close();
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  line(
    'ready→placed'.padEnd(28),
    `p50 ${s(median(readyToPlaced))} · p95 ${s(percentile(readyToPlaced, 95))} · max ${s(Math.max(...readyToPlaced))}`.padEnd(44),
    `over ${readyToPlaced.length} tasks (goal: p95 ≤ 1 s, max ≤ 2 s)`,
  );
  line(
    'requests per task'.padEnd(28),
    (requests / tasks).toFixed(1).padEnd(44),
    `(${requests} requests for ${tasks} tasks: 1 submit per run + 1 poll every 0.75 s for all open tasks)`,
  );
  line(
    'bytes received per image'.padEnd(28),
    `${(wire / imageBytes).toFixed(2)}× on the wire (gzip) · ${(json / imageBytes).toFixed(2)}× as JSON`.padEnd(44),
    '(all answers incl. every poll ÷ image sizes; goal ≤ 1.2×)',
  );
}
