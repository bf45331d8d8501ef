import { sniffImageKind } from '../core/imageInfo.ts';
import type { Reference } from '../core/protocol/shared.ts';
import { PluginProblem } from './bridge.ts';
import { findSceneNode } from './sceneNode.ts';
import { cachedReference } from './cachedReference.ts';

/**
 * A result's own image, as its fill holds it, to upload (a composite, which Runware does not
 * hold): its bytes, or the upload's UUID when the same bytes were uploaded before.
 */
export async function resultFillReference(nodeId: string, skipCache: boolean): Promise<Reference> {
  const node = await findSceneNode(nodeId);
  if (!node) throw new PluginProblem('That result was deleted.');
  const fill =
    'fills' in node && Array.isArray(node.fills)
      ? (node.fills as readonly Paint[]).find((f): f is ImagePaint => f.type === 'IMAGE' && !!f.imageHash)
      : undefined;
  const image = fill?.imageHash ? figma.getImageByHash(fill.imageHash) : null;
  if (!image) throw new PluginProblem(`“${node.name}” has no image to upscale.`);
  const bytes = await image.getBytesAsync();
  return cachedReference(nodeId, bytes, sniffImageKind(bytes) === 'jpeg' ? 'image/jpeg' : 'image/png', skipCache);
}
