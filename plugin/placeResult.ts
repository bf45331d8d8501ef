import { RELAUNCH_COMMANDS } from '../core/commands.ts';
import { placementGap } from '../core/placement.ts';
import { fitInside, type Rect } from '../core/rect.ts';
import { placedCount, updateTask, type PendingRun } from '../core/records/pendingRun.ts';
import { PREVIEW_KEY, PROVENANCE_KEY, type Provenance } from '../core/records/provenance.ts';
import { UPSCALE_MODEL } from '../core/runware/tasks.ts';
import { DEFAULT_MODEL, modelOf, sizeOf } from '../core/models.ts';
import { readImageSize } from '../core/imageInfo.ts';
import { PluginProblem } from './bridge.ts';
import { compositeResultFrame } from './compositeResult.ts';
import { tiledResult, type TiledImage } from './tiledResult.ts';
import { placedNodeId, recordPlaced } from './placedLedger.ts';
import { holdInSections } from './resultHome.ts';
import { slotsFor } from './resultSlots.ts';
import { fileId } from './fileId.ts';
import { updatePendingRun } from './storage.ts';

export const RELAUNCH_COMMAND = RELAUNCH_COMMANDS.edit;

export interface ResultImage {
  readonly taskUUID: string;
  readonly imageUUID: string;
  /** The image, decoded and checked by the UI (PNG, JPEG or GIF, ≤ 4096 px); absent when it came as tiles. */
  readonly bytes?: Uint8Array;
  /** An image past 4096 px: its tiles, stored with store-tile. */
  readonly tiles?: TiledImage;
  readonly seed?: number;
  readonly cost?: number;
  /** A composite run's image placed as Riverflow made it (its frame could not be composited any more). */
  readonly asIs?: boolean;
  readonly preview?: string;
}

/** A plain result: a rectangle filled with the image. */
function plainResult(imageHash: string, slot: Rect): RectangleNode {
  const rect = figma.createRectangle();
  rect.resize(slot.width, slot.height);
  rect.x = slot.x;
  rect.y = slot.y;
  rect.fills = [{ type: 'IMAGE', imageHash, scaleMode: 'FILL' }];
  return rect;
}

/** This session's placed results by imageUUID, so a result seen twice is placed once. */
const placedNodes = new Map<string, SceneNode>();

/**
 * Puts one result on the canvas, one undo step: a rectangle with an image fill, or, for a
 * composite (or the upscale of one with live text), a frame with the image and live text.
 * The source is only read, never written. Returns the new node's id, or the existing
 * one's when the same image was already placed (a resumed poll can see it twice).
 */
export async function placeResult(run: PendingRun, image: ResultImage): Promise<{ nodeId: string }> {
  const task = run.tasks.find((t) => t.taskUUID === image.taskUUID);
  if (!task) throw new PluginProblem('This result does not belong to its run, so it was not placed.');
  if (task.placedImageUUID) return { nodeId: placedNodes.get(task.placedImageUUID)?.id ?? '' };
  const { page, container, slots, sourceName } = await slotsFor(run);
  // The document is the record: a result placed in an earlier session whose note in clientStorage
  // was lost (storage full, the plugin closed) is known to the file and never placed a second time.
  const earlier = placedNodeId(image.taskUUID);
  if (earlier !== undefined) {
    await notePlaced(run, image.imageUUID, image.taskUUID, slots, container.id);
    return { nodeId: earlier };
  }
  // Named and placed by variation (the task's place in the run), whatever order they finish in:
  // "Riverflow 2" on the canvas is "Variation 2" in the panel.
  const index = run.tasks.indexOf(task);
  const slot = slots[index] ?? slots[slots.length - 1]!;
  const { bytes, tiles } = image;
  if (!bytes === !tiles) throw new PluginProblem('This result came without its image, so it was not placed.');
  // Validates the image (PNG/JPEG/GIF, ≤ 4096 px) and throws otherwise.
  const imageHash = bytes ? figma.createImage(bytes).hash : '';
  // A composite past 4096 px (a 4K final of a protected frame) comes as tiles too, and keeps its live text.
  const composited = run.composite !== undefined && !image.asIs;
  // A result that could not be composited (its frame deleted meanwhile) has the model's ratio, not the
  // frame's its slot was planned for: it fits inside the slot, never over the next one.
  // An upscaled result with live text gets its text back on top, as the result it came from had.
  const liveTextFrom = run.upscale?.textFrom
    ? { frameId: run.upscale.textFrom, keepTextSharp: true, featherPercent: 0, size: { width: slot.width, height: slot.height } }
    : undefined;
  const frameFrom = composited ? run.composite : liveTextFrom;
  const node = frameFrom
    ? await compositeResultFrame(frameFrom, tiles ? { tiles } : { imageHash }, slot)
    : tiles
      ? tiledResult(tiles, image.asIs ? fitInside(slot, tiles.width, tiles.height) : slot)
      : plainResult(imageHash, image.asIs ? fitInside(slot, run.width, run.height) : slot);
  const finalSize = run.finishes ? sizeOf(modelOf(run.model), run.width, run.height) : undefined;
  const label = run.upscale
    ? `upscaled ×${run.upscale.factor}`
    : run.finishes
      ? `${modelOf(run.model).name} ${finalSize?.tier ?? ''}`.trim()
      : run.composite?.area
        ? `Riverflow area ${index + 1}`
        : `Riverflow ${index + 1}`;
  node.name = `${sourceName} — ${label}`;
  const provenance: Provenance = {
    prompt: run.prompt,
    model: run.upscale ? UPSCALE_MODEL : (run.model ?? DEFAULT_MODEL.id),
    width: run.width,
    height: run.height,
    runId: run.runId,
    taskUUID: image.taskUUID,
    imageUUID: image.imageUUID,
    ...(image.seed === undefined ? {} : { seed: image.seed }),
    ...(image.cost === undefined ? {} : { cost: image.cost }),
    sourceNodeId: run.sourceNodeIds[0] ?? '',
    sourceNodeIds: run.sourceNodeIds,
    fileId: fileId(),
    createdAt: Date.now(),
    index: index + 1,
    ...run.options,
    ...(run.upscale ? { upscaleFactor: run.upscale.factor } : {}),
    ...(run.finishes ? { finishes: run.finishes } : {}),
    ...(run.composite?.area ? { area: run.composite.area, marker: run.composite.markerName } : {}),
    ...(frameFrom?.keepTextSharp ? { keepTextSharp: true } : {}),
    ...(tiles ? { tiles: tiles.parts.length } : {}),
    ...(composited
      ? { composite: tiles ? { width: tiles.width, height: tiles.height } : (readImageSize(bytes!) ?? { width: run.width, height: run.height }) }
      : {}),
  };
  node.setPluginData(PROVENANCE_KEY, JSON.stringify(provenance));
  if (image.preview) node.setPluginData(PREVIEW_KEY, image.preview);
  node.setRelaunchData({ [RELAUNCH_COMMAND]: 'Edit with Riverflow' });
  container.appendChild(node);
  recordPlaced(image.taskUUID, node.id, run.runId, container.id);
  holdInSections(container, slots, placementGap(slot.width));
  placedNodes.set(image.imageUUID, node);
  const updated = await notePlaced(run, image.imageUUID, image.taskUUID, slots, container.id);
  // Select and show the results on the first arrival and when the set is complete: once per
  // result would fire a selectionchange (and a UI update) for each of up to 20 images.
  const done = updated ? placedCount(updated) : placedCount(run) + 1;
  if (figma.currentPage === page && (done === 1 || done >= run.tasks.length)) {
    const nodes = (updated ?? run).tasks
      .map((t) => (t.placedImageUUID ? placedNodes.get(t.placedImageUUID) : undefined))
      .filter((n): n is SceneNode => !!n && !n.removed);
    figma.currentPage.selection = nodes;
    figma.viewport.scrollAndZoomIntoView(nodes);
  }
  figma.commitUndo();
  return { nodeId: node.id };
}

/** Records the placement on the pending run; a failed write loses nothing (the node itself is the record). */
async function notePlaced(run: PendingRun, imageUUID: string, taskUUID: string, slots: Rect[], slotsIn: string): Promise<PendingRun | undefined> {
  try {
    return await updatePendingRun(run.runId, (r) => ({ ...updateTask(r, taskUUID, { placedImageUUID: imageUUID }), slots, slotsIn }));
  } catch (e) {
    console.error('Riverflow: could not note a placed result in clientStorage; the result itself records it', e);
    return undefined;
  }
}
