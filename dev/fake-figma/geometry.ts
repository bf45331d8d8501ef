import type { FakeSceneNode } from './nodes.ts';

/**
 * fillGeometry as Figma computes it for the shapes the fake has: a box for rectangles and
 * frames, two arcs for an ellipse, a vector's own paths. Other types throw: a gap shows.
 */
export function fillGeometryOf(node: FakeSceneNode): VectorPaths {
  const { width: w, height: h } = node;
  switch (node.type) {
    case 'RECTANGLE':
    case 'FRAME':
      return [{ windingRule: 'NONZERO', data: `M 0 0 L ${w} 0 L ${w} ${h} L 0 ${h} L 0 0 Z` }];
    case 'ELLIPSE':
      return [{ windingRule: 'NONZERO', data: `M ${w} ${h / 2} A ${w / 2} ${h / 2} 0 0 1 0 ${h / 2} A ${w / 2} ${h / 2} 0 0 1 ${w} ${h / 2} Z` }];
    case 'VECTOR':
      return node.vectorPaths;
    default:
      throw new Error(`FakeFigma: fillGeometry of a ${node.type} is not implemented by the fake`);
  }
}

/**
 * What exportAsync renders: the box grown by visible drop shadows and by strokes drawn outside it
 * (children are clipped by frames here, as by default in Figma).
 */
export function renderBounds(node: FakeSceneNode): Rect {
  const box = node.absoluteBoundingBox!;
  let [left, top, right, bottom] = [box.x, box.y, box.x + box.width, box.y + box.height];
  const stroke = node.strokes.some((p) => p.visible !== false)
    ? node.strokeAlign === 'OUTSIDE'
      ? node.strokeWeight
      : node.strokeAlign === 'CENTER'
        ? node.strokeWeight / 2
        : 0
    : 0;
  [left, top, right, bottom] = [left - stroke, top - stroke, right + stroke, bottom + stroke];
  for (const e of node.effects) {
    if (e.type !== 'DROP_SHADOW' || e.visible === false) continue;
    const reach = e.radius + (e.spread ?? 0);
    left = Math.min(left, box.x + e.offset.x - reach);
    top = Math.min(top, box.y + e.offset.y - reach);
    right = Math.max(right, box.x + box.width + e.offset.x + reach);
    bottom = Math.max(bottom, box.y + box.height + e.offset.y + reach);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}
