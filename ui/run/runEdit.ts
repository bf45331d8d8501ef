import { bytesToBase64 } from '../base64.ts';
import type { CompositeChoice } from '../../core/composite/choice.ts';
import type { CompositeParts } from '../../core/protocol/composite.ts';
import type { Reference, SelectedNode } from '../../core/protocol/shared.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import type { Settings } from '../../core/records/settings.ts';
import { RunwareError } from '../../core/runware/failures.ts';
import { buildInferenceTasks } from '../../core/runware/tasks.ts';
import { uuidV4 } from '../runware/uuid.ts';
import type { SizePreset } from '../../core/sizes.ts';
import { RequestFailed } from '../requestFailed.ts';
import type { RunwareClient, SubmitOutcome } from '../runware/client.ts';
import { collectResults } from './collectResults.ts';
import type { RunHost } from './runHost.ts';
import { RECOVERY_NOTE, RunFailed, type RunOutcome, type RunProgress } from './runFailed.ts';

export interface EditRequest {
  readonly prompt: string;
  readonly preset: SizePreset;
  readonly nodes: readonly SelectedNode[];
  readonly settings: Settings;
  /**
   * Set for an area edit ("Edit only this area") or when text is kept sharp: the base frame's
   * reference is made by the main thread from a temporary copy, and each result is composited.
   */
  readonly composite?: CompositeChoice;
  /** Layers left out of what is sent (the marker, when a marked area is sent whole). */
  readonly hide?: readonly string[];
}

function dataUri(ref: Extract<Reference, { bytes: Uint8Array }>): string {
  return `data:${ref.mime};base64,${bytesToBase64(ref.bytes)}`;
}

/** Upload each reference Runware does not hold yet; cached ones cost nothing and send no bytes. */
export async function referenceIds(host: RunHost, client: RunwareClient, refs: readonly Reference[], signal: AbortSignal): Promise<string[]> {
  const ids: string[] = [];
  for (const ref of refs) {
    const uuid = 'cachedUUID' in ref ? ref.cachedUUID : await client.upload(dataUri(ref), signal);
    host.send({ type: 'remember-upload', hash: ref.hash, imageUUID: uuid });
    ids.push(uuid);
  }
  return ids;
}

/** A failure before anything was submitted: nothing can have been charged, and the message says so. */
function beforeSubmit(e: unknown): RunFailed {
  if (e instanceof RunFailed) return e;
  const runware = e instanceof RunwareError && e.failure.kind !== 'cancelled';
  return new RunFailed(`${e instanceof Error ? e.message : String(e)}${runware ? ' Nothing was charged.' : ''}`, false, 0);
}

/**
 * One click: export, upload what is new, submit one task per variation, place what comes
 * back. The run is written down before submitting, so a closed plugin can still find it.
 */
export async function runEdit(
  host: RunHost,
  client: RunwareClient,
  req: EditRequest,
  onProgress: (p: RunProgress) => void,
  signal: AbortSignal,
): Promise<RunOutcome> {
  const total = req.settings.numberResults;
  const maxLongSide = Math.max(req.preset.width, req.preset.height);
  const nodeIds = req.nodes.map((n) => n.id);
  onProgress({ stage: 'exporting', placed: 0, total });
  const composite = req.composite;
  let parts: CompositeParts | undefined;
  /** The references in order; for a composite run the first is the main thread's crop of the frame. */
  const exportAll = async (skipCache: boolean): Promise<Reference[]> => {
    if (!composite) return host.exportReferences(nodeIds, maxLongSide, skipCache, signal, req.hide);
    const preset = { width: req.preset.width, height: req.preset.height };
    const body = { type: 'prepare-composite', frameId: nodeIds[0] ?? '', keepTextSharp: composite.keepTextSharp, preset, skipCache } as const;
    parts = await host.request(composite.markerId ? { ...body, markerId: composite.markerId } : body, { signal });
    const others = nodeIds.length > 1 ? await host.exportReferences(nodeIds.slice(1), maxLongSide, skipCache, signal) : [];
    return [parts.reference, ...others];
  };
  let refs = await exportAll(false).catch((e: unknown) => {
    throw beforeSubmit(e);
  });
  onProgress({ stage: 'uploading', placed: 0, total });
  let ids = await referenceIds(host, client, refs, signal).catch((e: unknown) => {
    throw beforeSubmit(e);
  });
  let run: PendingRun = {
    runId: uuidV4(),
    fileId: '',
    prompt: req.prompt.trim(),
    width: req.preset.width,
    height: req.preset.height,
    sourceNodeIds: nodeIds,
    createdAt: Date.now(),
    tasks: Array.from({ length: total }, () => ({ taskUUID: uuidV4(), accepted: false })),
    options: { outputFormat: req.settings.outputFormat, outputQuality: req.settings.outputQuality, checkContent: req.settings.checkContent },
    ...(composite && parts
      ? {
          composite: {
            frameId: nodeIds[0] ?? '',
            keepTextSharp: composite.keepTextSharp,
            featherPercent: composite.featherPercent,
            size: parts.size,
            ...(composite.markerId ? { markerId: composite.markerId } : {}),
            ...(composite.markerName ? { markerName: composite.markerName } : {}),
            ...(parts.area ? { area: parts.area } : {}),
          },
        }
      : {}),
  };
  await host.request({ type: 'pending-save', run }).catch((e: unknown) => {
    throw new RunFailed(`The plugin could not save the run for recovery, so it did not start. ${e instanceof Error ? e.message : ''}`.trim(), false, 0);
  });
  onProgress({ stage: 'submitting', placed: 0, total });
  const settings = { ...req.settings, prompt: req.prompt, preset: req.preset };
  let outcomes: Map<string, SubmitOutcome>;
  try {
    outcomes = await client.submit(
      buildInferenceTasks(
        { ...settings, references: ids },
        run.tasks.map((t) => t.taskUUID),
      ),
      signal,
    );
    const stale = [...outcomes].filter(([, o]) => o.accepted === false && o.cause.failure.kind === 'unknownReference').map(([id]) => id);
    if (stale.length) {
      // Runware forgot an upload (kept 30 days after last use): upload afresh, once.
      for (const ref of refs) host.send({ type: 'forget-upload', hash: ref.hash });
      refs = await exportAll(true);
      ids = await referenceIds(host, client, refs, signal);
      const again = await client.submit(buildInferenceTasks({ ...settings, references: ids }, stale), signal);
      outcomes = new Map([...outcomes, ...again]);
    }
  } catch (e) {
    // Cancelled mid-submit: Runware may or may not have the tasks; the next start asks.
    const cancelled = (e instanceof RunwareError && e.failure.kind === 'cancelled') || (e instanceof RequestFailed && e.cancelled);
    if (!cancelled) await host.request({ type: 'pending-remove', runId: run.runId }).catch(() => undefined);
    throw new RunFailed(e instanceof Error ? e.message : String(e), cancelled, 0, cancelled);
  }
  // Tasks Runware refused cost nothing and leave the run; accepted and unknown ones stay.
  const kept = run.tasks.filter((t) => outcomes.get(t.taskUUID)?.accepted !== false);
  const refused = [...outcomes.values()].find((o): o is Extract<SubmitOutcome, { accepted: false }> => o.accepted === false);
  if (!kept.length) {
    await host.request({ type: 'pending-remove', runId: run.runId }).catch(() => undefined);
    throw new RunFailed(`${refused?.cause.message ?? 'Runware did not take the task.'} Nothing was charged.`, false, 0);
  }
  run = { ...run, tasks: kept.map((t) => ({ ...t, accepted: outcomes.get(t.taskUUID)?.accepted === true })) };
  await host.request({ type: 'pending-save', run }).catch(() => undefined);
  if (!run.tasks.some((t) => t.accepted)) {
    // Lost answers: Runware may be running them. Keep the run pending; the next start asks again.
    const unknown = [...outcomes.values()].find((o): o is Extract<SubmitOutcome, { accepted: 'unknown' }> => o.accepted === 'unknown');
    throw new RunFailed(`${unknown?.cause.message ?? 'Runware did not answer.'} ${RECOVERY_NOTE}`, true, 0);
  }
  const outcome = await collectResults(host, client, run, onProgress, signal, false, parts);
  const notTaken =
    refused && kept.length < total
      ? [`${total - kept.length} of ${total} variations were not taken by Runware (${refused.cause.message}) and not charged.`]
      : [];
  return { ...outcome, failed: [...notTaken, ...outcome.failed], liveText: composite?.keepTextSharp === true };
}
