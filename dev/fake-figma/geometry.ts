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
