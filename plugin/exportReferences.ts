import { JPG_TRY_THRESHOLD_BYTES, paddedBox, pickReferenceFormat, planReferenceExport } from '../core/exportSize.ts';
import type { Reference } from '../core/protocol/shared.ts';
import { PluginProblem } from './bridge.ts';
import { srgbExport } from './srgbExport.ts';
import { cachedReference } from './cachedReference.ts';
import { originalImage } from './originalImage.ts';
import { withPadding } from './paddedCopy.ts';
import { findSceneNode } from './sceneNode.ts';
import { renderSize } from './nodeBounds.ts';
import { isOpaque, referenceProblem } from './selection.ts';
import { getUploadCache } from './storage.ts';
import { isInside, withTemporaryCopy } from './temporaryCopy.ts';

/** Lets Figma's editor breathe between exports: a run of big exports must not freeze it. */
const yieldToEditor = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Exports each node at the size the model reads and hands it over one at a time
 * (one big message would double peak memory in both sandboxes). Bytes already uploaded
 * are not sent at all: the UI gets the cached imageUUID instead.
 */
export async function exportReferences(
  nodeIds: readonly string[],
  maxLongSide: number,
  skipCache: boolean,
  send: (index: number, ref: Reference) => void,
  /** Layers to leave out of what is sent (a marker drawn on the frame): hidden in a temporary copy. */
  hideIds: readonly string[] = [],
): Promise<number> {
  const cache = await getUploadCache(Date.now());
  const hidden = (await Promise.all(hideIds.map(findSceneNode))).filter((n): n is SceneNode => n !== null);
  for (const [index, id] of nodeIds.entries()) {
    const scene = await findSceneNode(id);
    if (!scene) throw new PluginProblem('A selected frame was deleted. Select it again.');
    const problem = referenceProblem(scene);
    if (problem) throw new PluginProblem(`“${scene.name}” ${problem}, so it cannot be sent.`);
    const inside = hidden.filter((n) => isInside(n, scene));
    const rendered = renderSize(scene);
    const pad = paddedBox(rendered.width, rendered.height);
    let exported: { bytes: Uint8Array; mime: Reference['mime'] };
    try {
      exported = pad
        ? await withTemporaryCopy(scene, inside, (copy) => withPadding(copy, scene, pad, (frame) => exportNode(frame, maxLongSide, false)))
        : inside.length
          ? await withTemporaryCopy(scene, inside, (copy) => exportNode(copy, maxLongSide, false))
          : await exportNode(scene, maxLongSide, true);
    } catch {
      throw new PluginProblem(`Figma could not export “${scene.name}”. Try a simpler frame or a smaller one.`);
    }
    send(index, await cachedReference(id, exported.bytes, exported.mime, skipCache, cache));
    await yieldToEditor();
  }
  return nodeIds.length;
}

/** One node at the size the model reads: its original image file when that fits, else PNG, or JPG when much smaller. */
async function exportNode(scene: SceneNode, maxLongSide: number, mayUseOriginal: boolean): Promise<{ bytes: Uint8Array; mime: Reference['mime'] }> {
  // The export is of the visible bounds (shadows, outside strokes): plan from those.
  const rendered = renderSize(scene);
  const plan = planReferenceExport(rendered.width, rendered.height, maxLongSide);
  const original = mayUseOriginal ? await originalImage(scene, maxLongSide) : undefined;
  if (original) return original;
  const png = await scene.exportAsync(srgbExport('PNG', plan.constraint));
  if (png.length > JPG_TRY_THRESHOLD_BYTES && isOpaque(scene)) {
    await yieldToEditor();
    const jpg = await scene.exportAsync(srgbExport('JPG', plan.constraint));
    if (pickReferenceFormat(png.length, jpg.length, true) === 'JPG') return { bytes: jpg, mime: 'image/jpeg' };
  }
  return { bytes: png, mime: 'image/png' };
}
