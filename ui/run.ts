import { bytesToBase64 } from '../core/imageInfo.ts';
import type { Reference, SelectedNode } from '../core/protocol.ts';
import type { PendingTask, Settings } from '../core/records.ts';
import { RunwareError, retryPolicy, userMessage } from '../core/runware/failures.ts';
import { buildInferenceTask } from '../core/runware/tasks.ts';
import { uuidV4 } from '../core/runware/uuid.ts';
import type { SizePreset } from '../core/sizes.ts';
import { exportReferences, request, send } from './bridge.ts';
import type { RunwareClient } from './runware/client.ts';
import { loadResultImage } from './runware/resultImage.ts';

/** Said whenever a task stays pending: the user should know the paid result is not lost. */
export const RECOVERY_NOTE = 'Runware may still finish the task: its results are placed the next time you open Riverflow.';

export type Stage = 'exporting' | 'uploading' | 'submitting' | 'waiting' | 'placing';

export interface RunProgress {
  readonly stage: Stage;
  readonly placed: number;
  readonly total: number;
}

export interface RunOutcome {
  readonly taskUUID: string;
  readonly placed: number;
  readonly flagged: number;
  readonly cost: number;
  readonly nodeIds: readonly string[];
}

/** A run that ended without every result; `kept` says the task stays pending for recovery. */
export class RunFailed extends Error {
  constructor(
    message: string,
    readonly kept: boolean,
    readonly placed: number,
  ) {
    super(message);
  }
}

export interface EditRequest {
  readonly prompt: string;
  readonly preset: SizePreset;
  readonly nodes: readonly SelectedNode[];
  readonly settings: Settings;
}

function dataUri(ref: Reference): string {
  return `data:${ref.mime};base64,${bytesToBase64(ref.bytes ?? new Uint8Array())}`;
}

/** Upload each reference Runware does not hold yet; cached ones cost nothing. */
async function referenceIds(client: RunwareClient, refs: readonly Reference[], signal: AbortSignal): Promise<string[]> {
  const ids: string[] = [];
  for (const ref of refs) {
    if (ref.cachedUUID) {
      ids.push(ref.cachedUUID);
      send({ type: 'remember-upload', hash: ref.hash, imageUUID: ref.cachedUUID });
      continue;
    }
    const uuid = await client.upload(dataUri(ref), signal);
    send({ type: 'remember-upload', hash: ref.hash, imageUUID: uuid });
    ids.push(uuid);
  }
  return ids;
}

async function savePending(task: PendingTask): Promise<void> {
  const reply = await request((id) => ({ type: 'pending-save', id, task }));
  if (!reply.ok) throw new RunFailed('The plugin could not save the run for recovery, so it did not start.', false, 0);
}

/**
 * Polls a task and places each result as it arrives. Shared by new runs and by the
 * recovery of tasks left pending when the plugin was closed.
 */
export async function collectResults(
  client: RunwareClient,
  task: PendingTask,
  onProgress: (p: RunProgress) => void,
  signal: AbortSignal,
): Promise<RunOutcome> {
  let placed = task.placedImageUUIDs.length;
  let flagged = 0;
  let cost = 0;
  const nodeIds: string[] = [];
  onProgress({ stage: 'waiting', placed, total: task.numberResults });
  try {
    await client.poll(
      task.taskUUID,
      task.numberResults,
      new Set(task.placedImageUUIDs),
      async (result) => {
        cost += result.cost ?? 0;
        if (result.nsfw) {
          flagged++;
          return;
        }
        onProgress({ stage: 'placing', placed, total: task.numberResults });
        const image = await loadResultImage(result, signal).catch((e: unknown) => {
          // The iframe may be refused the image host (CORS) where Figma itself is not:
          // hand the URL to the main thread rather than lose a paid result.
          if (e instanceof RunwareError && e.failure.kind === 'network' && result.source.kind === 'url') return { url: result.source.value };
          throw e;
        });
        const reply = await request((id) => ({
          type: 'place-result',
          id,
          taskUUID: task.taskUUID,
          imageUUID: result.imageUUID,
          ...('url' in image ? { url: image.url } : { bytes: image.bytes }),
          index: placed,
          ...(result.seed === undefined ? {} : { seed: result.seed }),
          ...(result.cost === undefined ? {} : { cost: result.cost }),
        }));
        if (!reply.ok) throw new RunFailed(reply.message ?? 'Figma could not place the result.', false, placed);
        placed++;
        if (reply.nodeId) nodeIds.push(reply.nodeId);
        onProgress({ stage: 'waiting', placed, total: task.numberResults });
      },
      signal,
    );
  } catch (e) {
    // Ambiguous failures keep the task pending: the next start asks Runware again.
    const kept = e instanceof RunwareError && (retryPolicy(e.failure.kind) === 'check' || e.failure.kind === 'cancelled');
    if (!kept) send({ type: 'pending-remove', taskUUID: task.taskUUID });
    if (e instanceof RunFailed) throw new RunFailed(e.message, kept, placed);
    const message = e instanceof RunwareError ? e.message : 'Something went wrong while placing the results.';
    throw new RunFailed(kept && !(e instanceof RunwareError && e.failure.kind === 'cancelled') ? `${message} ${RECOVERY_NOTE}` : message, kept, placed);
  }
  send({ type: 'pending-remove', taskUUID: task.taskUUID });
  if (flagged > 0 && placed - task.placedImageUUIDs.length === 0) {
    throw new RunFailed(userMessage({ kind: 'nsfw' }), false, 0);
  }
  return { taskUUID: task.taskUUID, placed: placed - task.placedImageUUIDs.length, flagged, cost, nodeIds };
}

/** One click: export, upload what is new, submit one task, place what comes back. */
export async function runEdit(client: RunwareClient, req: EditRequest, onProgress: (p: RunProgress) => void, signal: AbortSignal): Promise<RunOutcome> {
  const total = req.settings.numberResults;
  const maxLongSide = Math.max(req.preset.width, req.preset.height);
  const nodeIds = req.nodes.map((n) => n.id);
  const taskUUID = uuidV4();
  let pending: PendingTask | undefined;
  try {
    onProgress({ stage: 'exporting', placed: 0, total });
    let refs = await exportReferences(nodeIds, maxLongSide, false).catch((e: unknown) => {
      throw new RunFailed(e instanceof Error ? e.message : String(e), false, 0);
    });
    onProgress({ stage: 'uploading', placed: 0, total });
    let ids = await referenceIds(client, refs, signal);
    pending = {
      taskUUID,
      prompt: req.prompt.trim(),
      width: req.preset.width,
      height: req.preset.height,
      numberResults: total,
      sourceNodeIds: nodeIds,
      createdAt: Date.now(),
      placedImageUUIDs: [],
      accepted: false,
    };
    // Written before submitting: if the plugin closes now, the next start can still find the task.
    await savePending(pending);
    onProgress({ stage: 'submitting', placed: 0, total });
    const settings = { ...req.settings, prompt: req.prompt, preset: req.preset };
    let outcome;
    try {
      outcome = await client.submit(buildInferenceTask({ ...settings, references: ids }, taskUUID), signal);
    } catch (e) {
      if (!(e instanceof RunwareError) || e.failure.kind !== 'unknownReference') throw e;
      // Runware forgot an upload (kept 30 days after last use): upload afresh, once.
      for (const ref of refs) send({ type: 'forget-upload', hash: ref.hash });
      refs = await exportReferences(nodeIds, maxLongSide, true);
      ids = await referenceIds(client, refs, signal);
      outcome = await client.submit(buildInferenceTask({ ...settings, references: ids }, taskUUID), signal);
    }
    if (outcome.accepted !== true) {
      // Lost answer: Runware may be running it. Keep it pending; the next start asks again.
      throw new RunFailed(`${outcome.cause.message} ${RECOVERY_NOTE}`, true, 0);
    }
    pending = { ...pending, accepted: true };
    await savePending(pending);
  } catch (e) {
    if (e instanceof RunFailed) {
      if (pending && !e.kept) send({ type: 'pending-remove', taskUUID });
      throw e;
    }
    const failure = e instanceof RunwareError ? e : undefined;
    // submit() throws only when Runware certainly did not accept the task, except when the
    // user cancels mid-request: then it may have, and the next start checks.
    const kept = !!pending && failure?.failure.kind === 'cancelled';
    if (pending && !kept) send({ type: 'pending-remove', taskUUID });
    const charged = failure && !kept && failure.failure.kind !== 'cancelled' ? ' Nothing was charged.' : '';
    throw new RunFailed(failure ? failure.message + charged : e instanceof Error ? e.message : String(e), kept, 0);
  }
  return collectResults(client, pending, onProgress, signal);
}
