import { intersection } from '../core/rect.ts';
import type { AreaSelection } from '../core/protocol/composite.ts';
import { FRAME_TYPES, frameAround, renderRect, SHAPE_TYPES } from './nodeBounds.ts';
import { isProtected } from './protect.ts';

/** A shape drawn to mark an area: a plain shape, not an image (an image-filled shape is a reference). */
export function isMarker(node: SceneNode): boolean {
  if (!SHAPE_TYPES.has(node.type) || !('fills' in node) || !Array.isArray(node.fills)) return false;
  // A protected layer (a barcode drawn as a rectangle) is part of the design, not a marked area.
  if (isProtected(node)) return false;
  return !(node.fills as readonly Paint[]).some((f) => f.type === 'IMAGE' && f.visible !== false);
}

function overlap(a: Rect, b: Rect): number {
  const { width, height } = intersection(a, b);
  return width * height;
}

/**
 * The area a selection marks, if any: a marker shape selected alone inside a frame, or with
 * the frame(s) it covers (the one it overlaps most). One area per run: further markers are
 * left out by the caller.
 */
export function findArea(selection: readonly SceneNode[]): { marker: SceneNode; frame: SceneNode; selection: AreaSelection } | undefined {
  const marker = selection.find(isMarker);
  if (!marker || !marker.absoluteBoundingBox) return undefined;
  const box = marker.absoluteBoundingBox;
  const around = frameAround(marker);
  const candidates = around ? [around] : selection.filter((n) => n !== marker && FRAME_TYPES.has(n.type) && overlap(renderRect(n), box) > 0);
  const frame = candidates.sort((a, b) => overlap(renderRect(b), box) - overlap(renderRect(a), box))[0];
  if (!frame) return undefined;
  const r = renderRect(frame);
  return {
    marker,
    frame,
    selection: {
      markerId: marker.id,
      markerName: marker.name,
      frameId: frame.id,
      frameName: frame.name,
      box: { x: box.x - r.x, y: box.y - r.y, width: box.width, height: box.height },
    },
  };
}

/** Whether a layer shows: it and every ancestor up to `root` are visible. */
function shows(node: SceneNode, root: SceneNode): boolean {
  for (let n: BaseNode | null = node; n && n !== root; n = n.parent) if ('visible' in n && !n.visible) return false;
  return true;
}

/** The frame's text layers that show (hidden ones stay as they are). */
export function visibleTextLayers(frame: SceneNode): TextNode[] {
  if (!('findAllWithCriteria' in frame)) return [];
  return frame.findAllWithCriteria({ types: ['TEXT'] }).filter((t) => shows(t, frame));
}

/** The layer in `copy` at the place `node` has in `original` (a clone keeps the tree's shape, not the ids). */
export function counterpart(original: SceneNode, copy: SceneNode, node: SceneNode): SceneNode | undefined {
  const path: number[] = [];
  for (let n: BaseNode = node; n !== original; n = n.parent!) {
    if (!n.parent || !('children' in n.parent)) return undefined;
    path.unshift((n.parent.children as readonly BaseNode[]).indexOf(n));
  }
  let at: BaseNode = copy;
  for (const i of path) at = (at as ChildrenMixin & BaseNode).children[i]!;
  return at as SceneNode;
}

/** The box a layer is clipped to by the frames between it and `root`, or undefined when none clips. */
export function clipBox(node: SceneNode, root: SceneNode): Rect | undefined {
  let box: Rect | undefined;
  for (let p = node.parent; p && p !== root && p.type !== 'PAGE'; p = p.parent) {
    if ('clipsContent' in p && p.clipsContent && p.absoluteBoundingBox) box = box ? intersection(box, p.absoluteBoundingBox) : p.absoluteBoundingBox;
  }
  return box;
}
