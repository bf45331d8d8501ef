import { coverageFromAlpha } from '../../core/composite/pixels.ts';
import { multiply } from '../../core/composite/transform.ts';
import type { Outline } from '../../core/protocol/composite.ts';
import type { Rect } from '../../core/rect.ts';

export function context(width: number, height: number): OffscreenCanvasRenderingContext2D {
  return new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true })!;
}

/**
 * An outline drawn into a region of the composite's pixels: 1 inside, 0 outside, anti-aliased at
 * the edge; `grow` pixels wider all round when asked (a stroke of twice that width, round joins).
 */
export function outlineCoverage(outline: Outline, scale: number, region: Rect, grow = 0): Float32Array {
  const ctx = context(region.width, region.height);
  const [[a, c, e], [b, d, f]] = multiply(
    [
      [scale, 0, -region.x],
      [0, scale, -region.y],
    ],
    outline.transform,
  );
  ctx.setTransform(a, b, c, d, e, f);
  ctx.fillStyle = '#000';
  ctx.strokeStyle = '#000';
  ctx.lineJoin = 'round';
  // The stroke is drawn in the outline's own space: its width there is `grow` composite pixels each side.
  const unit = Math.hypot(a, b) || 1;
  ctx.lineWidth = (2 * grow) / unit;
  for (const path of outline.paths) {
    const p = new Path2D(path.data);
    ctx.fill(p, path.windingRule === 'EVENODD' ? 'evenodd' : 'nonzero');
    if (grow > 0) ctx.stroke(p);
  }
  return coverageFromAlpha(ctx.getImageData(0, 0, region.width, region.height).data);
}
