import { centredAt, placeResults, placementGap, type Rect } from '../core/placement.ts';
import type { PendingTask, Provenance } from '../core/records.ts';
import { RIVERFLOW_MODEL } from '../core/runware/tasks.ts';
import { savePendingTask } from './storage.ts';

export const PROVENANCE_KEY = 'riverflow';
export const RELAUNCH_COMMAND = 'edit';

export interface ResultImage {
  readonly imageUUID: string;
  /** The image, decoded and checked by the UI… */
  readonly bytes?: Uint8Array;
  /** …or its URL, when the iframe could not download it (CORS): Figma fetches it itself. */
  readonly url?: string;
  readonly seed?: number;
  readonly cost?: number;
}

function pageOf(node: BaseNode): PageNode | null {
  let n: BaseNode | null = node;
  while (n && n.type !== 'PAGE') n = n.parent;
  return n;
}

function boxOf(node: SceneNode): Rect | null {
  const b = node.absoluteBoundingBox;
  return b ? { x: b.x, y: b.y, width: b.width, height: b.height } : null;
}

/** Where the task's results go: beside the source, or the viewport centre if it is gone. */
async function slotsFor(task: PendingTask): Promise<{ page: PageNode; slots: Rect[]; sourceName: string }> {
  const source = await figma.getNodeByIdAsync(task.sourceNodeIds[0] ?? '');
  const sourceScene = source && !source.removed && source.type !== 'PAGE' && source.type !== 'DOCUMENT' ? (source as SceneNode) : null;
  const page = (sourceScene && pageOf(sourceScene)) || figma.currentPage;
  const sourceName = sourceScene?.name ?? 'Riverflow result';
  if (task.slots && task.slots.length >= task.numberResults) return { page, slots: task.slots, sourceName };
  const sourceBox = sourceScene ? boxOf(sourceScene) : null;
  const obstacles = page.children.map(boxOf).filter((b): b is Rect => b !== null);
  // Without a source, the block starts at the viewport centre instead of beside a frame.
  const centre = centredAt(figma.viewport.center.x, figma.viewport.center.y, 512, task.width, task.height);
  const anchor = sourceBox ?? { ...centre, x: centre.x - centre.width - placementGap(centre.width) };
  const slots = placeResults({ source: anchor, obstacles, count: task.numberResults, outputWidth: task.width, outputHeight: task.height });
  return { page, slots, sourceName };
}

/**
 * Puts one result on the canvas as a rectangle with an image fill, one undo step.
 * The source is only read, never written. Returns the new node's id, or the existing
 * one's when the same image was already placed (a resumed poll can see it twice).
 */
export async function placeResult(task: PendingTask, image: ResultImage): Promise<{ nodeId: string; task: PendingTask }> {
  const placed = placedByTask.get(task.taskUUID) ?? [];
  if (task.placedImageUUIDs.includes(image.imageUUID)) {
    return { nodeId: placed.find((p) => p.imageUUID === image.imageUUID)?.node.id ?? '', task };
  }
  const { page, slots, sourceName } = await slotsFor(task);
  const index = task.placedImageUUIDs.length;
  const slot = slots[index] ?? slots[slots.length - 1]!;
  // Both validate the image (PNG/JPEG/GIF, ≤ 4096 px) and throw otherwise.
  const figmaImage = image.bytes ? figma.createImage(image.bytes) : await figma.createImageAsync(image.url ?? '');
  const rect = figma.createRectangle();
  rect.name = `${sourceName} — Riverflow ${index + 1}`;
  rect.resize(slot.width, slot.height);
  rect.x = slot.x;
  rect.y = slot.y;
  rect.fills = [{ type: 'IMAGE', imageHash: figmaImage.hash, scaleMode: 'FILL' }];
  const provenance: Provenance = {
    prompt: task.prompt,
    model: RIVERFLOW_MODEL,
    width: task.width,
    height: task.height,
    taskUUID: task.taskUUID,
    imageUUID: image.imageUUID,
    seed: image.seed,
    cost: image.cost,
    sourceNodeId: task.sourceNodeIds[0] ?? '',
    createdAt: Date.now(),
    index: index + 1,
  };
  rect.setPluginData(PROVENANCE_KEY, JSON.stringify(provenance));
  rect.setRelaunchData({ [RELAUNCH_COMMAND]: 'Edit with Riverflow' });
  page.appendChild(rect);
  placed.push({ imageUUID: image.imageUUID, node: rect });
  placedByTask.set(task.taskUUID, placed);
  const updated: PendingTask = { ...task, slots, placedImageUUIDs: [...task.placedImageUUIDs, image.imageUUID] };
  await savePendingTask(updated);
  // Select and show the results on the first arrival and when the set is complete: once per
  // result would fire a selectionchange (and a UI update) for each of up to 20 images.
  const complete = updated.placedImageUUIDs.length >= task.numberResults;
  if (figma.currentPage === page && (index === 0 || complete)) {
    const nodes = placed.map((p) => p.node).filter((n) => !n.removed);
    figma.currentPage.selection = nodes;
    figma.viewport.scrollAndZoomIntoView(nodes);
  }
  figma.commitUndo();
  return { nodeId: rect.id, task: updated };
}

/** This session's placed results per task, so a result seen twice is placed once. */
const placedByTask = new Map<string, { imageUUID: string; node: RectangleNode }[]>();
