import type { Rect } from '../core/rect.ts';

/** Plain shapes: a marker when drawn to mark an area, a reference when filled with an image. */
export const SHAPE_TYPES: ReadonlySet<string> = new Set(['RECTANGLE', 'ELLIPSE', 'POLYGON', 'STAR', 'VECTOR']);

/**
 * Where exportAsync draws a node: its render bounds (shadows, outside strokes, unclipped
 * children), else its box. Sizes, ratios and crops are planned from this, not from width×height.
 */
export function renderRect(node: SceneNode): Rect {
  const b = ('absoluteRenderBounds' in node ? node.absoluteRenderBounds : null) ?? node.absoluteBoundingBox;
  return b ?? { x: node.x, y: node.y, width: node.width, height: node.height };
}

export function renderSize(node: SceneNode): { width: number; height: number } {
  const { width, height } = renderRect(node);
  return { width, height };
}

/** What a designer calls a frame: the node types a marked area or a protected layer belongs to. */
export const FRAME_TYPES = new Set(['FRAME', 'COMPONENT', 'INSTANCE']);

/** The frame a layer belongs to: its outermost frame-like ancestor (the one a designer calls "the frame"). */
export function frameAround(node: SceneNode): SceneNode | undefined {
  let found: SceneNode | undefined;
  for (let p = node.parent; p && p.type !== 'PAGE' && p.type !== 'DOCUMENT'; p = p.parent) {
    if (FRAME_TYPES.has(p.type)) found = p as SceneNode;
  }
  return found;
}
