import type { Rect } from './rect.ts';

export interface PlacementInput {
  /** The source node's box, in page coordinates. */
  readonly source: Rect;
  /** Boxes already on the page (the source may be among them). */
  readonly obstacles: readonly Rect[];
  readonly count: number;
  readonly outputWidth: number;
  readonly outputHeight: number;
}

/** Gap between source and results and between results: proportional, within 24–160 px. */
export function placementGap(sourceWidth: number): number {
  return Math.round(Math.min(160, Math.max(24, sourceWidth * 0.05)));
}

/** Columns for `count` results: a row up to 4, then a near-square grid. */
export function gridColumns(count: number): number {
  return count <= 4 ? Math.max(1, count) : Math.ceil(Math.sqrt(count));
}

/** Where two boxes overlap (an empty box at the nearer corner when they do not). */
export function intersection(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
}

/** Whether `inner` lies wholly inside `outer` (a hair of rounding allowed). */
export function contains(outer: Rect, inner: Rect): boolean {
  const e = 1e-6;
  return (
    inner.x >= outer.x - e &&
    inner.y >= outer.y - e &&
    inner.x + inner.width <= outer.x + outer.width + e &&
    inner.y + inner.height <= outer.y + outer.height + e
  );
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Boxes for `count` results: each as wide as the source with the output's aspect ratio,
 * in a grid with even gaps to the right of the source, pushed further right until the
 * whole block overlaps nothing on the page.
 */
export function placeResults(input: PlacementInput): Rect[] {
  const { source, count } = input;
  if (count <= 0) return [];
  const width = Math.max(1, source.width);
  const height = Math.max(1, Math.round(((width * input.outputHeight) / input.outputWidth) * 100) / 100);
  const gap = placementGap(width);
  const cols = gridColumns(count);
  const rows = Math.ceil(count / cols);
  const block = { width: cols * width + (cols - 1) * gap, height: rows * height + (rows - 1) * gap };
  let x = source.x + source.width + gap;
  const y = source.y;
  // Each step moves right past the blocking box, so this ends after at most obstacles.length steps.
  for (;;) {
    const area: Rect = { x, y, ...block };
    const blocker = input.obstacles
      .filter((o) => overlaps(area, o))
      .reduce<Rect | undefined>((far, o) => (!far || o.x + o.width > far.x + far.width ? o : far), undefined);
    if (!blocker) break;
    x = blocker.x + blocker.width + gap;
  }
  return Array.from({ length: count }, (_, i) => ({
    x: x + (i % cols) * (width + gap),
    y: y + Math.floor(i / cols) * (height + gap),
    width,
    height,
  }));
}

/** A box of the output's aspect ratio centred on a point, for results whose source is gone. */
export function centredAt(cx: number, cy: number, width: number, outputWidth: number, outputHeight: number): Rect {
  const height = (width * outputHeight) / outputWidth;
  return { x: Math.round(cx - width / 2), y: Math.round(cy - height / 2), width, height };
}
