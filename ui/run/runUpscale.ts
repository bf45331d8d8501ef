import type { SelectedNode } from '../../core/protocol/shared.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { buildUpscaleTask } from '../../core/runware/tasks.ts';
import { upscaleInput } from '../../core/upscalePlan.ts';
import { uuidV4 } from '../runware/uuid.ts';
import type { RunwareClient } from '../runware/client.ts';
import { collectResults } from './collectResults.ts';
import { referenceIds } from './runEdit.ts';
import { RunFailed, type RunOutcome, type RunProgress } from './runFailed.ts';
import { beforeSubmit, submitRun } from './submitRun.ts';
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
  if (!result) throw new RunFailed('Only a Riverflow result can be upscaled here.', { charged: 'no' });
  const upload = async (skipCache: boolean) => {
    onProgress({ stage: 'uploading', placed: 0, total: 1 });
    const ref = await host.request({ type: 'result-image', nodeId: node.id, skipCache }, { signal });
    return (await referenceIds(host, client, [ref], signal))[0]!;
  };
  let image: string;
  try {
    image = result.imageUUID ?? (await upload(false));
  } catch (e) {
    throw beforeSubmit(e);
  }
  const input = upscaleInput(result);
  const run: PendingRun = {
    runId: uuidV4(),
    fileId: '',
    prompt: `Upscaled ×${factor}`,
    width: input.width * factor,
    height: input.height * factor,
    sourceNodeIds: [node.id],
    createdAt: client.time(),
    tasks: [{ taskUUID: uuidV4(), accepted: false }],
    upscale: { factor, ...(result.liveText ? { textFrom: node.id } : {}) },
  };
  onProgress({ stage: 'submitting', placed: 0, total: 1 });
  const submitted = await submitRun(
    host,
    client,
    run,
    {
      inputs: [image],
      build: ([input], [taskUUID]) => [buildUpscaleTask(input!, factor, taskUUID!)],
      // A result Runware made is named by its own imageUUID: only an uploaded composite can be forgotten.
      ...(result.imageUUID ? {} : { reupload: async () => [await upload(true)] }),
    },
    signal,
  ).catch((e: unknown) => {
    // Clarity's model page says 2 to 4, its generated schema 2 only: a refused factor is said as such.
    if (e instanceof RunFailed && e.refusedParameter === 'upscaleFactor') {
      throw new RunFailed(`Runware does not take ×${factor} for the Clarity upscaler, so it is no longer offered.`, { charged: 'no', cause: e.cause });
    }
    throw e;
  });
  return collectResults(host, client, submitted.run, onProgress, signal);
}
