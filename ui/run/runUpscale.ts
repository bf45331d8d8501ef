import type { SelectedNode } from '../../core/protocol/shared.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { buildUpscaleTask } from '../../core/runware/tasks.ts';
import { uuidV4 } from '../../core/runware/uuid.ts';
import type { RunwareClient } from '../runware/client.ts';
import { collectResults } from './collectResults.ts';
import { RECOVERY_NOTE, RunFailed, type RunOutcome, type RunProgress } from './runFailed.ts';
import type { RunHost } from './runHost.ts';

/**
 * Upscales a result by its own imageUUID (no upload), with the rules of an edit: written
 * down before submitting, resubmitted only when Runware says it did not take it, placed on
 * the next start if the plugin closes, never charged twice.
 */
export async function runUpscale(host: RunHost, client: RunwareClient, node: SelectedNode, factor: number, onProgress: (p: RunProgress) => void, signal: AbortSignal): Promise<RunOutcome> {
  const result = node.result;
  if (!result) throw new RunFailed('Only a Riverflow result can be upscaled here.', false, 0);
  const run: PendingRun = {
    runId: uuidV4(),
    fileId: '',
    prompt: `Upscaled ×${factor}`,
    width: result.width * factor,
    height: result.height * factor,
    sourceNodeIds: [node.id],
    createdAt: Date.now(),
    tasks: [{ taskUUID: uuidV4(), accepted: false }],
    upscale: { factor },
  };
  await host.request({ type: 'pending-save', run });
  onProgress({ stage: 'submitting', placed: 0, total: 1 });
  const outcome = (await client.submit([buildUpscaleTask(result.imageUUID, factor, run.tasks[0]!.taskUUID)], signal)).get(run.tasks[0]!.taskUUID);
  if (!outcome || outcome.accepted === false) {
    await host.request({ type: 'pending-remove', runId: run.runId }).catch(() => undefined);
    throw new RunFailed(`${outcome?.cause.message ?? 'Runware did not take the upscale.'} Nothing was charged.`, false, 0);
  }
  if (outcome.accepted === 'unknown') throw new RunFailed(`${outcome.cause.message} ${RECOVERY_NOTE}`, true, 0);
  const accepted = { ...run, tasks: run.tasks.map((t) => ({ ...t, accepted: true })) };
  await host.request({ type: 'pending-save', run: accepted }).catch(() => undefined);
  return collectResults(host, client, accepted, onProgress, signal);
}
