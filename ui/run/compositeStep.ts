import type { CompositeParts, CompositeRun } from '../../core/protocol/composite.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { RunwareError } from '../../core/runware/failures.ts';
import { RequestFailed } from '../requestFailed.ts';
import type { PlaceableImage } from '../runware/placeableImage.ts';
import type { RunHost } from './runHost.ts';
import { errorText } from '../../core/errorText.ts';
import { MAX_TILED_SIDE } from '../../core/tiles.ts';

/** What a composite run adds to the message: text drawn into the image, a frame too big to be placed whole. */
export function compositeNotes(parts: CompositeParts): string[] {
  const notes: string[] = [];
  if (parts.drawnText.length) {
    const names = parts.drawnText.map((n) => `“${n}”`).join(', ');
    notes.push(`Drawn into the image, since ${parts.drawnText.length === 1 ? 'its font is' : 'their fonts are'} not available here: ${names}.`);
  }
  if (parts.scale < 1)
    notes.push(
      `“${parts.frameName}” is larger than the ${MAX_TILED_SIDE} px a side a result can be placed at, so the result was made at ${Math.round(parts.scale * 100)}% of its size.`,
    );
  return notes;
}

/**
 * The compositing of one run's results: the parts once per run (those the run just made, or
 * asked again after a reopen), each image laid over the frame. A paid image is never dropped:
 * when the frame is gone or an image cannot be composited, it is placed as Riverflow made it.
 */
export function compositeStep(host: RunHost, run: PendingRun, composite: CompositeRun, signal: AbortSignal, known?: CompositeParts) {
  const notes: string[] = [];
  let parts: Promise<CompositeParts | undefined> | undefined;
  const ask = () =>
    host
      .request(
        {
          type: 'prepare-composite',
          frameId: composite.frameId,
          ...(composite.markerId ? { markerId: composite.markerId } : {}),
          keepTextSharp: composite.keepTextSharp,
          preset: { width: run.width, height: run.height },
          skipCache: false,
        },
        { signal },
      )
      .catch((e: unknown) => {
        if (e instanceof RequestFailed && e.cancelled) throw new RunwareError({ kind: 'cancelled' });
        notes.push(`The frame could not be composited any more (${errorText(e)}), so results were placed as Riverflow made them.`);
        return undefined;
      });
  const load = () =>
    (parts ??= (known ? Promise.resolve(known) : ask()).then((ready) => {
      if (ready) notes.unshift(...compositeNotes(ready));
      return ready;
    }));
  return {
    notes,
    /** The image to place, and whether it goes on the canvas as it came (`label` names the variation). */
    async apply(image: PlaceableImage, label: string): Promise<{ image: PlaceableImage; asIs: boolean }> {
      const ready = await load();
      if (!ready) return { image, asIs: true };
      try {
        return { image: await host.composeResult(ready, image, composite.featherPercent), asIs: false };
      } catch (e) {
        notes.push(`${label}could not be laid over the frame (${errorText(e)}), so it was placed as Riverflow made it.`);
        // The composite may have used up the decoded image: the bytes are decoded again where needed.
        return { image: { ...image, bitmap: undefined }, asIs: true };
      }
    },
  };
}
