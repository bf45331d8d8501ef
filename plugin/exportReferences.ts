import { contentHash } from '../core/hash.ts';
import { JPG_TRY_THRESHOLD_BYTES, pickReferenceFormat, planReferenceExport } from '../core/exportSize.ts';
import type { Reference } from '../core/protocol.ts';
import { originalImage } from './originalImage.ts';
import { isOpaque, referenceProblem } from './selection.ts';
import { getUploadCache } from './storage.ts';

/** Lets Figma's editor breathe between exports: a run of big exports must not freeze it. */
const yieldToEditor = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A reference that cannot be sent; its message is shown as is. */
export class ExportProblem extends Error {}

/**
 * Exports each node at the size the model reads and hands it over one at a time
 * (one big message would double peak memory in both sandboxes). Bytes already uploaded
 * are not sent at all: the UI gets the cached imageUUID instead.
 */
export async function exportReferences(nodeIds: readonly string[], maxLongSide: number, skipCache: boolean, send: (index: number, ref: Reference) => void): Promise<void> {
  const cache = skipCache ? new Map<string, string>() : await getUploadCache(Date.now());
  for (const [index, id] of nodeIds.entries()) {
    const node = await figma.getNodeByIdAsync(id);
    if (!node || node.removed || node.type === 'PAGE' || node.type === 'DOCUMENT') {
      throw new ExportProblem('A selected frame was deleted. Select it again.');
    }
    const scene = node as SceneNode;
    const problem = referenceProblem(scene);
    if (problem) throw new ExportProblem(`“${scene.name}” ${problem}, so it cannot be sent.`);
    const plan = planReferenceExport(scene.width, scene.height, maxLongSide);
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
      throw new ExportProblem(`Figma could not export “${scene.name}”. Try a simpler frame or a smaller one.`);
    }
    const hash = contentHash(bytes);
    const cached = cache.get(hash);
    send(index, {
      nodeId: id,
      hash,
      mime,
      ...(cached ? { cachedUUID: cached } : { bytes }),
    });
    await yieldToEditor();
  }
}
