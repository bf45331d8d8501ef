import { contentHash } from '../core/hash.ts';
import { JPG_TRY_THRESHOLD_BYTES, pickReferenceFormat, planReferenceExport } from '../core/exportSize.ts';
import type { Reference } from '../core/protocol/shared.ts';
import { PluginProblem } from './bridge.ts';
import { originalImage } from './originalImage.ts';
import { findSceneNode } from './sceneNode.ts';
import { isOpaque, referenceProblem, renderSize } from './selection.ts';
import { getUploadCache } from './storage.ts';

/** Lets Figma's editor breathe between exports: a run of big exports must not freeze it. */
const yieldToEditor = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Exports each node at the size the model reads and hands it over one at a time
 * (one big message would double peak memory in both sandboxes). Bytes already uploaded
 * are not sent at all: the UI gets the cached imageUUID instead.
 */
export async function exportReferences(nodeIds: readonly string[], maxLongSide: number, skipCache: boolean, send: (index: number, ref: Reference) => void): Promise<number> {
  const cache = skipCache ? new Map<string, string>() : await getUploadCache(Date.now());
  for (const [index, id] of nodeIds.entries()) {
    const scene = await findSceneNode(id);
    if (!scene) throw new PluginProblem('A selected frame was deleted. Select it again.');
    const problem = referenceProblem(scene);
    if (problem) throw new PluginProblem(`“${scene.name}” ${problem}, so it cannot be sent.`);
    // The export is of the visible bounds (shadows, outside strokes): plan from those.
    const rendered = renderSize(scene);
    const plan = planReferenceExport(rendered.width, rendered.height, maxLongSide);
    let bytes: Uint8Array;
    let mime: Reference['mime'] = 'image/png';
    try {
      const original = await originalImage(scene, maxLongSide);
      if (original) ({ bytes, mime } = original);
      else bytes = await scene.exportAsync({ format: 'PNG', constraint: plan.constraint });
      if (!original && bytes.length > JPG_TRY_THRESHOLD_BYTES && isOpaque(scene)) {
        await yieldToEditor();
        const jpg = await scene.exportAsync({ format: 'JPG', constraint: plan.constraint });
        if (pickReferenceFormat(bytes.length, jpg.length, true) === 'JPG') {
          bytes = jpg;
          mime = 'image/jpeg';
        }
      }
    } catch {
      throw new PluginProblem(`Figma could not export “${scene.name}”. Try a simpler frame or a smaller one.`);
    }
    const hash = contentHash(bytes);
    const cached = cache.get(hash);
    send(index, cached ? { nodeId: id, hash, mime, cachedUUID: cached } : { nodeId: id, hash, mime, bytes });
    await yieldToEditor();
  }
  return nodeIds.length;
}
