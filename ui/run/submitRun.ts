import { errorText } from '../../core/errorText.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { RunwareError } from '../../core/runware/failures.ts';
import type { ImageInferenceTask, UpscaleTask } from '../../core/runware/tasks.ts';
import { RequestFailed } from '../requestFailed.ts';
import type { RunwareClient, SubmitOutcome } from '../runware/client.ts';
import type { RunHost } from './runHost.ts';
import { RunFailed } from './runFailed.ts';

const isCancel = (e: unknown) => (e instanceof RunwareError && e.failure.kind === 'cancelled') || (e instanceof RequestFailed && e.cancelled);

/** A failure before anything was submitted: nothing can have been charged. */
export function beforeSubmit(e: unknown): RunFailed {
  if (e instanceof RunFailed) return e;
  return new RunFailed(errorText(e), { charged: 'no', cancelled: isCancel(e), cause: e });
}

export interface Submission {
  /** What the tasks read: uploaded references, or the image to upscale. */
  readonly inputs: readonly string[];
  readonly build: (inputs: readonly string[], taskUUIDs: readonly string[]) => (ImageInferenceTask | UpscaleTask)[];
  /** Uploads the inputs afresh, when Runware answers that it forgot an upload. */
  readonly reupload?: () => Promise<readonly string[]>;
}

type Refused = Extract<SubmitOutcome, { accepted: false }>;

/**
 * The one way a run reaches Runware, for edits, batches and upscales alike: written down
 * before it is submitted; tasks Runware refused leave it (they cost nothing); a forgotten
 * upload is sent afresh, once, for the tasks it failed only; saved again with what Runware
 * took. Returns the run of the accepted tasks, or throws RunFailed with what it cost.
 */
export async function submitRun(
  host: RunHost,
  client: RunwareClient,
  run: PendingRun,
  submission: Submission,
  signal: AbortSignal,
): Promise<{ run: PendingRun; notTaken: number; refused?: RunwareError }> {
  await host.request({ type: 'pending-save', run }).catch((e: unknown) => {
    throw new RunFailed(`The plugin could not save the run for recovery, so it did not start. ${errorText(e)}`.trim(), { charged: 'no' });
  });
  const all = run.tasks.map((t) => t.taskUUID);
  let outcomes: Map<string, SubmitOutcome>;
  let reuploadFailed: unknown;
  try {
    outcomes = await client.submit(submission.build(submission.inputs, all), signal);
    const stale = [...outcomes].filter(([, o]) => o.accepted === false && o.cause.failure.kind === 'unknownReference').map(([id]) => id);
    if (stale.length && submission.reupload) {
      // Runware forgot an upload (kept 30 days after last use): upload afresh, once. If that fails, only
      // those tasks stay refused: the others may already be running, and are paid for.
      const inputs = await submission.reupload().catch((e: unknown) => {
        if (isCancel(e)) throw e;
        reuploadFailed = e;
        return undefined;
      });
      if (inputs) outcomes = new Map([...outcomes, ...(await client.submit(submission.build(inputs, stale), signal))]);
    }
  } catch (e) {
    // Cancelled mid-submit: Runware may or may not have the tasks; the next start asks.
    const cancelled = isCancel(e);
    if (!cancelled) await host.request({ type: 'pending-remove', runId: run.runId }).catch(() => undefined);
    throw new RunFailed(errorText(e), cancelled ? { charged: 'maybe', kept: true, cancelled: true } : { charged: 'no', cause: e });
  }
  const kept = run.tasks.filter((t) => outcomes.get(t.taskUUID)?.accepted !== false);
  const first = [...outcomes.values()].find((o): o is Refused => o.accepted === false);
  // Runware's refusal names no model: the run knows which one it asked for.
  const refused = first && { ...first, cause: new RunwareError({ ...first.cause.failure, model: run.model }) };
  if (!kept.length) {
    await host.request({ type: 'pending-remove', runId: run.runId }).catch(() => undefined);
    if (reuploadFailed !== undefined) throw beforeSubmit(reuploadFailed);
    throw new RunFailed(refused?.cause.message ?? 'Runware did not take the task.', {
      charged: 'no',
      cause: refused?.cause ?? new RunwareError({ kind: 'malformed' }),
    });
  }
  const taken: PendingRun = { ...run, tasks: kept.map((t) => ({ ...t, accepted: outcomes.get(t.taskUUID)?.accepted === true })) };
  await host.request({ type: 'pending-save', run: taken }).catch(() => undefined);
  if (!taken.tasks.some((t) => t.accepted)) {
    // Lost answers: Runware may be running them. Keep the run pending; the next start asks again.
    const unknown = [...outcomes.values()].find((o): o is Extract<SubmitOutcome, { accepted: 'unknown' }> => o.accepted === 'unknown');
    throw new RunFailed(unknown?.cause.message ?? 'Runware did not answer.', { charged: 'maybe', kept: true, cause: unknown?.cause });
  }
  return { run: taken, notTaken: run.tasks.length - kept.length, ...(refused ? { refused: refused.cause } : {}) };
}
