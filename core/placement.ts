import { overlaps, union, type Rect } from './rect.ts';

/**
 * A section that grows to hold the results, seen from the container the results go in (the
 * innermost section first, then each section around it): its box now, and what it must never
 * grow over (its neighbours that it did not cover before).
 */
export interface GrowingSection {
  readonly box: Rect;
  readonly keepClear: readonly Rect[];
}

export interface PlacementInput {
  /** The box the results go beside, in the container's coordinates (a section has its own). */
  readonly source: Rect;
  /** Everything the results must not cover: the container's nodes and every open run's reserved slots. */
  readonly obstacles: readonly Rect[];
  readonly count: number;
  readonly outputWidth: number;
  readonly outputHeight: number;
  /** The sections that grow around the results (none on a page). */
  readonly growing?: readonly GrowingSection[];
}

/** Gap between source and results and between results: proportional, within 24–160 px. */
export function placementGap(sourceWidth: number): number {
  return Math.round(Math.min(160, Math.max(24, sourceWidth * 0.05)));
}

/** Columns for `count` results: a row up to 4, then a near-square grid. */
export function gridColumns(count: number): number {
  return count <= 4 ? Math.max(1, count) : Math.ceil(Math.sqrt(count));
}

/** The grid of `count` boxes in `cols` columns with its top left at (x, y). */
function grid(x: number, y: number, count: number, cols: number, width: number, height: number, gap: number): Rect[] {
  return Array.from({ length: count }, (_, i) => ({ x: x + (i % cols) * (width + gap), y: y + Math.floor(i / cols) * (height + gap), width, height }));
}

/** A section's box once grown to hold `block` with a margin (a section never shrinks). */
export function grownBox(section: Rect, block: Rect, margin: number): Rect {
  return union([section, { x: block.x, y: block.y, width: block.width + margin, height: block.height + margin }]);
}

/**
 * Boxes for `count` results, each as wide as the source with the output's aspect ratio, in a
 * grid with even gaps: in the source's row to its right, pushed right past whatever is in the
 * way; where a growing section would then cover a neighbour, in fewer columns, then in a row
 * under the source, lower and lower. Null when no row fits inside the sections: the caller places beside the
 * section itself, one level out. Ends: each candidate row is tried once, each push passes a box.
 */
export function placeResults(input: PlacementInput): Rect[] | null {
  const { source, count } = input;
  if (count <= 0) return [];
  const width = Math.max(1, source.width);
  const height = Math.max(1, Math.round(((width * input.outputHeight) / input.outputWidth) * 100) / 100);
  const gap = placementGap(width);
  const below = source.y + source.height + gap;
  const rowsUnder = [below, ...input.obstacles.map((o) => o.y + o.height + gap).filter((y) => y > below)].sort((a, b) => a - b);
  const starts = [{ x: source.x + source.width + gap, y: source.y }, ...rowsUnder.map((y) => ({ x: source.x, y }))];
  // The usual grid first; where a section has no room for it, narrower ones down to a single column.
  const shapes = Array.from({ length: gridColumns(count) }, (_, i) => gridColumns(count) - i);
  for (const start of starts) {
    for (const cols of shapes) {
      const rows = Math.ceil(count / cols);
      const size = { width: cols * width + (cols - 1) * gap, height: rows * height + (rows - 1) * gap };
      let x = start.x;
      for (;;) {
        const block: Rect = { x, y: start.y, ...size };
        const blocker = input.obstacles
          .filter((o) => overlaps(block, o))
          .reduce<Rect | undefined>((far, o) => (!far || o.x + o.width > far.x + far.width ? o : far), undefined);
        if (!blocker) break;
        x = blocker.x + blocker.width + gap;
      }
      const block: Rect = { x, y: start.y, ...size };
      const fits = (input.growing ?? []).every((s) => !s.keepClear.some((k) => overlaps(grownBox(s.box, block, gap), k)));
      if (fits) return grid(x, start.y, count, cols, width, height, gap);
    }
  }
  return null;
}

/** A box of the output's aspect ratio centred on a point, for results whose source is gone. */
export function centredAt(cx: number, cy: number, width: number, outputWidth: number, outputHeight: number): Rect {
  const height = (width * outputHeight) / outputWidth;
  return { x: Math.round(cx - width / 2), y: Math.round(cy - height / 2), width, height };
}
