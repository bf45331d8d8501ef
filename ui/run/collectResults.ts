import type { CompositeParts } from '../../core/protocol/composite.ts';
import type { ReplyValue, RequestBody } from '../../core/protocol/requests.ts';
import { compositeStep } from './compositeStep.ts';
import { storeTiles } from './storeTiles.ts';
import { needsTiles } from '../../core/tiles.ts';
import { openTasks, type PendingRun } from '../../core/records/pendingRun.ts';
import { RunwareError } from '../../core/runware/failures.ts';
import { RequestFailed } from '../requestFailed.ts';
import type { RunwareClient } from '../runware/client.ts';
import { encodedBytes } from '../runware/placeableImage.ts';
import type { RunHost } from './runHost.ts';
import { RunFailed, type PlacedResult, type RunOutcome, type RunProgress } from './runFailed.ts';
import { errorText } from '../../core/errorText.ts';
import { sentence } from '../../core/format.ts';

/** Said of a paid image Figma did not take: it is not lost, and the designer chooses what happens to it. */
export const KEPT_UNPLACED = 'It is paid for and kept: Retry placing, or it is placed the next time you open Riverflow.';
/** Said of a paid image that could not be read: trying again may not help, so Discard is named too. */
export const KEPT_UNREADABLE = 'It is paid for and kept: Retry placing, or Discard it.';
/** Figma's sandbox can refuse an image for a moment (out of memory); a placement is tried this many times at once. */
export const PLACE_ATTEMPTS = 3;

/** Places one result, trying again at once when Figma refuses it; Cancel ends the tries. */
async function placeWithRetries(host: RunHost, place: RequestBody<'place-result'>, signal: AbortSignal): Promise<ReplyValue<'place-result'>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await host.request(place, { signal });
    } catch (e) {
      if ((e instanceof RequestFailed && e.cancelled) || attempt >= PLACE_ATTEMPTS || signal.aborted) throw e;
    }
  }
}

/** How long a task Runware does not know may still be a submit on its way (its request time-out, with room). */
export const NOT_FOUND_GRACE_MS = 5 * 60_000;

/**
 * Polls a run's open tasks and places each image the moment it arrives. Shared by new runs
 * and by the recovery of runs left pending when the plugin was closed. A task Runware
 * ends with an error ends alone: the others are still placed.
 */
export async function collectResults(
  host: RunHost,
  client: RunwareClient,
  run: PendingRun,
  onProgress: (p: RunProgress) => void,
  signal: AbortSignal,
  immediate = false,
  /** The composite run's parts, when the run just made them; a recovered run asks again. */
  knownParts?: CompositeParts,
): Promise<RunOutcome> {
  const total = run.tasks.length;
  const variation = new Map(run.tasks.map((t, i) => [t.taskUUID, i + 1]));
  // "Variation 2: …" only where there is more than one.
  const label = (taskUUID: string) => (total > 1 ? `Variation ${variation.get(taskUUID)}: ` : '');
  const already = total - openTasks(run).length;
  let placed = already;
  let flagged = 0;
  let cost = 0;
  const failed: string[] = [];
  let undecided = 0;
  /** Paid images Figma would not take (or that could not be read): the run is kept for them. */
  const unplaced: string[] = [];
  const results: PlacedResult[] = [];
  const compositing = run.composite ? compositeStep(host, run, run.composite, signal, knownParts) : undefined;
  const ended = () => placed + flagged + failed.length + unplaced.length - already;
  onProgress({ stage: 'waiting', placed, total });
  try {
    await client.poll(
      openTasks(run).map((t) => t.taskUUID),
      {
        onResult: async (result) => {
          cost += result.cost ?? 0;
          if (result.nsfw) {
            flagged++;
            return;
          }
          onProgress({ stage: 'placing', placed, total });
          let image;
          try {
            image = await host.loadResultImage(result, signal);
          } catch (e) {
            if (e instanceof RunwareError && e.failure.kind === 'cancelled') throw e;
            // Paid for, but this image could not be read: kept, for Retry placing or Discard.
            unplaced.push(`${label(result.taskUUID)}${sentence(errorText(e))} ${KEPT_UNREADABLE}`);
            return;
          }
          const decoded = image.bitmap;
          let asIs = false;
          try {
            if (compositing) ({ image, asIs } = await compositing.apply(image, label(result.taskUUID)));
          } catch (e) {
            decoded?.close();
            throw e;
          }
          try {
            const preview = await host.makePreview?.(image.bytes, image.bitmap);
            // Past Figma's 4096 px: the tiles go first, a message each, then the result that shows them.
            const pixels = needsTiles(image) ? { tiles: await storeTiles(host, image, signal) } : { bytes: encodedBytes(image) };
            const place = {
              type: 'place-result',
              runId: run.runId,
              taskUUID: result.taskUUID,
              imageUUID: result.imageUUID,
              ...pixels,
              ...(asIs ? { asIs } : {}),
              ...(preview ? { preview } : {}),
              ...(result.seed === undefined ? {} : { seed: result.seed }),
              ...(result.cost === undefined ? {} : { cost: result.cost }),
            } as const;
            const { nodeId } = await placeWithRetries(host, place, signal);
            // A 4K image is not kept for the compare view: shown at full size it would hold a decoded copy per result.
            const shown = pixels.bytes ? { bytes: pixels.bytes } : {};
            const restored = image.restored?.length ? { restored: image.restored } : {};
            results.push({ nodeId, variation: variation.get(result.taskUUID) ?? results.length + 1, ...shown, ...restored });
          } catch (e) {
            if (e instanceof RequestFailed && e.cancelled) throw new RunwareError({ kind: 'cancelled' });
            // Figma refused this one image every time: the run stays pending with it, and the others are placed.
            unplaced.push(`${label(result.taskUUID)}${sentence(errorText(e))} ${KEPT_UNPLACED}`);
            return;
          } finally {
            // The decoded images (the model's, a composite's) are not needed once the result is placed (or refused).
            decoded?.close();
            image.bitmap?.close();
          }
          placed++;
          onProgress({ stage: 'waiting', placed, total });
        },
        onTaskFailed: async (taskUUID, failure) => {
          if (failure.failure.kind === 'taskNotFound' && !run.tasks.find((t) => t.taskUUID === taskUUID)?.accepted) {
            // Not found and never acknowledged: Runware never took it (a submit whose answer was lost), so nothing is
            // owed. Unless the run is young: a submit still on its way when the plugin closed may not be registered yet.
            if (client.time() - run.createdAt < NOT_FOUND_GRACE_MS) undecided++;
            return;
          }
          failed.push(`${label(taskUUID)}${failure.message}`);
        },
      },
      signal,
      immediate,
    );
  } catch (e) {
    // A poll that fails as a whole says nothing about the tasks, which Runware may have finished and
    // charged for: the run stays pending and the next start asks again. Only an answer about a task
    // itself (its error, or that Runware does not know it) ends it, through onTaskFailed above.
    const kept = true;
    const reason = e instanceof Error ? e.message : 'Something went wrong while placing the results.';
    const cancelled = e instanceof RunwareError && e.failure.kind === 'cancelled';
    throw new RunFailed(reason, { charged: run.tasks.some((t) => t.accepted) ? 'yes' : 'maybe', kept, placed: placed - already, cancelled, cause: e });
  }
  // A task that may still be on its way, or a paid image not placed yet, keeps the run pending: the next start asks again.
  if (!undecided && !unplaced.length) await host.request({ type: 'pending-remove', runId: run.runId }).catch(() => undefined);
  const keptRun = unplaced.length ? { unplaced: run } : {};
  if (ended() > 0 && placed === already) {
    const reason =
      flagged && !unplaced.length
        ? 'Runware’s safety check flagged the result, so it was not placed. Try rewording the prompt.'
        : [...unplaced, ...failed].join(' ');
    // Runware charges a flagged image and an unplaced one; a generation it ended with an error may or may not be.
    throw new RunFailed(reason, { charged: flagged || unplaced.length ? 'yes' : 'maybe', ...keptRun });
  }
  const asked = run.composite?.area ? { area: { box: run.composite.area, frame: run.composite.size } } : {};
  return {
    runId: run.runId,
    results,
    placed: placed - already,
    flagged,
    failed: [...unplaced, ...failed],
    cost,
    notes: compositing?.notes ?? [],
    ...keptRun,
    ...asked,
  };
}
