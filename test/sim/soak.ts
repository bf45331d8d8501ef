/**
 * `npm run soak`: 100,000 schedules (SOAK_RUNS to change), with a progress bar, then one line:
 * `schedules N · charged twice 0 · lost 0 · placed twice 0 · stray nodes 0 · unanswered 0 · overlaps 0 · squeezed crops 0 ·
 * removed unplaced 0 · undo mismatches 0 · area edits N · 4K results placed as tiles N`.
 * A failing schedule is printed with its seed, to replay with SIM_SEED in the vitest suite.
 */
import fc from 'fast-check';
import { emptyTally } from './invariants.ts';
import { runSchedule } from './run.ts';
import { scheduleArbitrary } from './schedule.ts';

const total = Number(process.env.SOAK_RUNS ?? 100_000);
const seed = Number(process.env.SOAK_SEED ?? Date.now() % 2 ** 31);
const batch = 500;
const sum = emptyTally();
let unanswered = 0;
let areaEdits = 0;
let done = 0;
const failures: string[] = [];
const started = Date.now();
for (let b = 0; done < total; b++) {
  for (const schedule of fc.sample(scheduleArbitrary, { numRuns: Math.min(batch, total - done), seed: seed + b })) {
    const result = await runSchedule(schedule);
    if (schedule.scenario === 'area') areaEdits++;
    if (result.unanswered) unanswered++;
    if (result.tally) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += result.tally[k];
    if (result.problems.length && failures.length < 5) {
      failures.push(`seed ${seed + b}: ${JSON.stringify(schedule)}\n  ${result.problems.join('\n  ')}`);
      process.stderr.write(`\nproblem: ${failures.at(-1)}\n`);
    }
    done++;
    if (done % 100 === 0 || done === total) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      const rate = done / ((Date.now() - started) / 1000);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} · ${rate.toFixed(0)}/s · problems ${failures.length}   `);
    }
  }
}
process.stderr.write('\n');
for (const f of failures) console.error(f);
console.log(
  `schedules ${done} · charged twice ${sum.chargedTwice} · lost ${sum.lost} · placed twice ${sum.placedTwice} · stray nodes ${sum.strayNodes} · unanswered ${unanswered} · overlaps ${sum.overlaps} · squeezed crops ${sum.squeezedCrops} · removed unplaced ${sum.removedUnplaced} · undo mismatches ${sum.undoMismatches} · area edits ${areaEdits} · 4K results placed as tiles ${sum.tiledPlaced}` +
    (sum.unrecorded + sum.wrongFile + sum.stalePending + sum.sourceChanged + sum.keyLeaks
      ? ` · also: unrecorded ${sum.unrecorded}, wrong file ${sum.wrongFile}, stale pending ${sum.stalePending}, source changed ${sum.sourceChanged}, key leaks ${sum.keyLeaks}`
      : ''),
);
process.exit(failures.length ? 1 : 0);
