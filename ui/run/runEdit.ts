import { bytesToBase64 } from '../base64.ts';
import type { CompositeChoice } from '../../core/composite/choice.ts';
import type { CompositeParts } from '../../core/protocol/composite.ts';
import type { Reference, SelectedNode } from '../../core/protocol/shared.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import type { Settings } from '../../core/records/settings.ts';
import { buildInferenceTasks } from '../../core/runware/tasks.ts';
import { modelOf } from '../../core/models.ts';
import { protectionRubric, runOptions } from '../../core/runOptions.ts';
import { uuidV4 } from '../runware/uuid.ts';
import type { SizePreset } from '../../core/sizes.ts';
import type { RunwareClient } from '../runware/client.ts';
import { collectResults } from './collectResults.ts';
import type { RunHost } from './runHost.ts';
import type { RunOutcome, RunProgress } from './runFailed.ts';
import { beforeSubmit, submitRun } from './submitRun.ts';

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
  /** "Finish with…": the draft result this run finishes, linked in each result's provenance. */
  readonly finishes?: string;
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
  const riverflow = modelOf(req.settings.model);
  const model = riverflow.id;
  const options = runOptions(riverflow, req.settings);
  const run: PendingRun = {
    runId: uuidV4(),
    fileId: '',
    prompt: req.prompt.trim(),
    model,
    ...(req.finishes ? { finishes: req.finishes } : {}),
    width: req.preset.width,
    height: req.preset.height,
    sourceNodeIds: nodeIds,
    createdAt: client.time(),
    tasks: Array.from({ length: total }, () => ({ taskUUID: uuidV4(), accepted: false })),
    options,
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
  onProgress({ stage: 'submitting', placed: 0, total });
  const rubric = protectionRubric(riverflow, req.nodes[0]?.protected?.map((p) => p.name) ?? []);
  const settings = { ...options, model, prompt: req.prompt, preset: req.preset, ...(rubric ? { scoringRubric: rubric } : {}) };
  const submitted = await submitRun(
    host,
    client,
    run,
    {
      inputs: ids,
      build: (references, taskUUIDs) => buildInferenceTasks({ ...settings, references }, taskUUIDs),
      reupload: async () => {
        for (const ref of refs) host.send({ type: 'forget-upload', hash: ref.hash });
        refs = await exportAll(true);
        return (ids = await referenceIds(host, client, refs, signal));
      },
    },
    signal,
  );
  const outcome = await collectResults(host, client, submitted.run, onProgress, signal, false, parts);
  const notTaken = submitted.notTaken
    ? [`${submitted.notTaken} of ${total} variations were not taken by Runware (${submitted.refused?.message ?? 'refused'}) and not charged.`]
    : [];
  return { ...outcome, failed: [...notTaken, ...outcome.failed], liveText: composite?.keepTextSharp === true };
}
