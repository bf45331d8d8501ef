import { originalFits } from '../core/exportSize.ts';
import { stripMetadata } from '../core/stripMetadata.ts';

/**
 * The original file of a node that is nothing but one plain image fill (a placed photo),
 * when it fits Riverflow's bounds: sent without its metadata, it keeps every pixel and skips an export.
 * A fill turned by its own `rotation` shows the file turned, so that one is exported instead.
 */
export async function originalImage(node: SceneNode, maxLongSide: number): Promise<{ bytes: Uint8Array; mime: 'image/png' | 'image/jpeg' } | undefined> {
  if (node.type !== 'RECTANGLE' || node.fills === figma.mixed || node.fills.length !== 1) return undefined;
  const fill = node.fills[0]!;
  const plain =
    fill.type === 'IMAGE' &&
    fill.scaleMode === 'FILL' &&
    !fill.rotation &&
    fill.visible !== false &&
    (fill.opacity ?? 1) === 1 &&
    !Object.values(fill.filters ?? {}).some(Boolean);
  if (!plain || !fill.imageHash || node.opacity < 1 || node.rotation || node.effects.length || node.strokes.length) return undefined;
  const image = figma.getImageByHash(fill.imageHash);
  if (!image || !originalFits(node, await image.getSizeAsync(), maxLongSide)) return undefined;
  // What the camera wrote (GPS, serial, author) stays home; a file that does not read cleanly, or a GIF, is exported instead.
  const bytes = stripMetadata(await image.getBytesAsync());
  if (!bytes) return undefined;
  return bytes[0] === 0xff ? { bytes, mime: 'image/jpeg' } : { bytes, mime: 'image/png' };
}
