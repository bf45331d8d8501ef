/** Figma's 2×3 affine transform: [[a, c, e], [b, d, f]] maps (x, y) to (a·x + c·y + e, b·x + d·y + f). */
export type Affine = [[number, number, number], [number, number, number]];

export function multiply(m: Affine, n: Affine): Affine {
  const [[a, c, e], [b, d, f]] = m;
  const [[a2, c2, e2], [b2, d2, f2]] = n;
  return [
    [a * a2 + c * b2, a * c2 + c * d2, a * e2 + c * f2 + e],
    [b * a2 + d * b2, b * c2 + d * d2, b * e2 + d * f2 + f],
  ];
}

export function invert(m: Affine): Affine {
  const [[a, c, e], [b, d, f]] = m;
  const det = a * d - b * c;
  if (Math.abs(det) < 1e-12) throw new Error('The transform cannot be inverted');
  return [
    [d / det, -c / det, (c * f - d * e) / det],
    [-b / det, a / det, (b * e - a * f) / det],
  ];
}

/**
 * Where a layer sits inside another: its transform relative to `container`, from both
 * absolute transforms. A text copy given this as its relativeTransform in a frame placed
 * like the container lands exactly where the original is (rotation included).
 */
export function relativeTo(container: Affine, node: Affine): Affine {
  return multiply(invert(container), node);
}
