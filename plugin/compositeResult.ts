import { relativeTo } from '../core/composite/transform.ts';
import { contains, intersection } from '../core/rect.ts';
import type { CompositeRun } from '../core/protocol/composite.ts';
import { clipBox, visibleTextLayers } from './area.ts';
import { renderRect } from './nodeBounds.ts';
import { splitLiveText } from './liveText.ts';
import { findSceneNode } from './sceneNode.ts';
import { checkTiles, fillWithTiles, type TiledImage } from './tiledResult.ts';

/** A composite's pixels: one image Figma holds, or (past its 4096 px) the tiles already stored. */
export type CompositePicture = { readonly imageHash: string } | { readonly tiles: TiledImage };

/**
 * A composite result: a frame the size of the source's render holding the image (or its tiles,
 * at full size), with copies of the source's text layers on top at the same places, still
 * editable (text kept sharp). Text whose font cannot be loaded is already in the image. The
 * caller names, records and appends the frame.
 */
export async function compositeResultFrame(composite: CompositeRun, picture: CompositePicture, slot: Rect): Promise<FrameNode> {
  if ('tiles' in picture) checkTiles(picture.tiles);
  const frame = figma.createFrame();
  frame.resize(slot.width, slot.height);
  frame.x = slot.x;
  frame.y = slot.y;
  frame.clipsContent = true;
  if ('tiles' in picture) fillWithTiles(frame, picture.tiles);
  else frame.fills = [{ type: 'IMAGE', imageHash: picture.imageHash, scaleMode: 'FILL' }];
  if (!composite.keepTextSharp) return frame;
  const source = await findSceneNode(composite.frameId);
  if (!source) return frame;
  const origin = renderRect(source);
  const { live } = await splitLiveText(visibleTextLayers(source));
  // The slot has the source's render size, so frame units map 1:1: each copy keeps its place and turn.
  for (const text of live) {
    const clip = clipBox(text, source);
    const box = text.absoluteBoundingBox ?? origin;
    // Wholly clipped away in the source: nothing of it shows there, so nothing is copied.
    const shown = clip ? intersection(clip, box) : box;
    if (shown.width < 1 || shown.height < 1) continue;
    const holder = clip && !contains(clip, box) ? clippingFrame(frame, text.name, clip, origin) : undefined;
    const at = holder ? clip! : origin;
    const copy = text.clone();
    (holder ?? frame).appendChild(copy);
    copy.relativeTransform = relativeTo(
      [
        [1, 0, at.x],
        [0, 1, at.y],
      ],
      text.absoluteTransform,
    );
  }
  return frame;
}

/**
 * A frame that clips a text copy as the source's frames clip the original (copy that runs past
 * a card's edge stays cut there), named for the text so the layers panel reads well.
 */
function clippingFrame(parent: FrameNode, name: string, clip: Rect, origin: Rect): FrameNode {
  const holder = figma.createFrame();
  holder.name = `${name} (clipped)`;
  holder.fills = [];
  holder.clipsContent = true;
  holder.resize(clip.width, clip.height);
  parent.appendChild(holder);
  holder.x = clip.x - origin.x;
  holder.y = clip.y - origin.y;
  return holder;
}
