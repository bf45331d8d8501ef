import type { SelectedNode } from '../../core/protocol/shared.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { RunwareError } from '../../core/runware/failures.ts';
import { buildUpscaleTask } from '../../core/runware/tasks.ts';
import { upscaleInput } from '../../core/upscalePlan.ts';
import { uuidV4 } from '../runware/uuid.ts';
import type { RunwareClient } from '../runware/client.ts';
import { collectResults } from './collectResults.ts';
import { referenceIds } from './runEdit.ts';
import { RECOVERY_NOTE, RunFailed, type RunOutcome, type RunProgress } from './runFailed.ts';
import type { RunHost } from './runHost.ts';

/**
 * Upscales a result with the rules of an edit: written down before submitting, resubmitted only
 * when Runware says it did not take it, placed on the next start if the plugin closes, never
 * charged twice. A result Runware holds goes by its own imageUUID (no upload); a composite
 * (made in the plugin) is uploaded once first, and its live text comes back on the upscaled frame.
 */
export async function runUpscale(
  host: RunHost,
  client: RunwareClient,
  node: SelectedNode,
  factor: number,
  onProgress: (p: RunProgress) => void,
  signal: AbortSignal,
): Promise<RunOutcome> {
  const result = node.result;
  if (!result) throw new RunFailed('Only a Riverflow result can be upscaled here.', false, 0);
  const upload = async (skipCache: boolean) => {
    onProgress({ stage: 'uploading', placed: 0, total: 1 });
    const ref = await host.request({ type: 'result-image', nodeId: node.id, skipCache }, { signal });
    return (await referenceIds(host, client, [ref], signal))[0]!;
  };
  let image = result.imageUUID ?? (await upload(false).catch(nothingCharged));
  const input = upscaleInput(result);
  const run: PendingRun = {
    runId: uuidV4(),
    fileId: '',
    prompt: `Upscaled ×${factor}`,
    width: input.width * factor,
    height: input.height * factor,
    sourceNodeIds: [node.id],
    createdAt: Date.now(),
    tasks: [{ taskUUID: uuidV4(), accepted: false }],
    upscale: { factor, ...(result.liveText ? { textFrom: node.id } : {}) },
  };
  await host.request({ type: 'pending-save', run });
  onProgress({ stage: 'submitting', placed: 0, total: 1 });
  const taskUUID = run.tasks[0]!.taskUUID;
  let outcome = (await client.submit([buildUpscaleTask(image, factor, taskUUID)], signal)).get(taskUUID);
  if (!result.imageUUID && outcome?.accepted === false && outcome.cause.failure.kind === 'unknownReference') {
    // Runware forgot the upload (kept 30 days after last use): upload afresh, once.
    try {
      image = await upload(true);
    } catch (e) {
      await host.request({ type: 'pending-remove', runId: run.runId }).catch(() => undefined);
      nothingCharged(e);
    }
    outcome = (await client.submit([buildUpscaleTask(image, factor, taskUUID)], signal)).get(taskUUID);
  }
  if (!outcome || outcome.accepted === false) {
    await host.request({ type: 'pending-remove', runId: run.runId }).catch(() => undefined);
    throw new RunFailed(`${outcome?.cause.message ?? 'Runware did not take the upscale.'} Nothing was charged.`, false, 0);
  }
  if (outcome.accepted === 'unknown') throw new RunFailed(`${outcome.cause.message} ${RECOVERY_NOTE}`, true, 0);
  const accepted = { ...run, tasks: run.tasks.map((t) => ({ ...t, accepted: true })) };
  await host.request({ type: 'pending-save', run: accepted }).catch(() => undefined);
  return collectResults(host, client, accepted, onProgress, signal);
}

/** A failure before the upscale was submitted: nothing can have been charged. */
function nothingCharged(e: unknown): never {
  if (e instanceof RunFailed) throw e;
  const message = e instanceof Error ? e.message : String(e);
  throw new RunFailed(e instanceof RunwareError && e.failure.kind === 'cancelled' ? message : `${message} Nothing was charged.`, false, 0);
}
