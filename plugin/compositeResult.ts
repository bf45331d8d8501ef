import { relativeTo } from '../core/composite/transform.ts';
import type { CompositeRun } from '../core/protocol/composite.ts';
import { renderRect, visibleTextLayers } from './area.ts';
import { splitLiveText } from './liveText.ts';
import { findSceneNode } from './sceneNode.ts';

/**
 * A composite result: a frame the size of the source's render holding the image, with copies
 * of the source's text layers on top at the same places, still editable (text kept sharp).
 * Text whose font cannot be loaded is already in the image. Returns the frame and how many
 * text layers it carries; the caller names, records and appends it.
 */
export async function compositeResultFrame(composite: CompositeRun, imageHash: string, slot: Rect): Promise<{ frame: FrameNode; texts: number }> {
  const frame = figma.createFrame();
  frame.resize(slot.width, slot.height);
  frame.x = slot.x;
  frame.y = slot.y;
  frame.clipsContent = true;
  frame.fills = [{ type: 'IMAGE', imageHash, scaleMode: 'FILL' }];
  if (!composite.keepTextSharp) return { frame, texts: 0 };
  const source = await findSceneNode(composite.frameId);
  if (!source) return { frame, texts: 0 };
  const origin = renderRect(source);
  const { live } = await splitLiveText(visibleTextLayers(source));
  // The slot has the source's render size, so frame units map 1:1: each copy keeps its place and turn.
  for (const text of live) {
    const copy = text.clone();
    frame.appendChild(copy);
    copy.relativeTransform = relativeTo([[1, 0, origin.x], [0, 1, origin.y]], text.absoluteTransform);
  }
  return { frame, texts: live.length };
}
