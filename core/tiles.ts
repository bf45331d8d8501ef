import { FIGMA_MAX_IMAGE_SIDE } from './imageInfo.ts';
import type { Rect } from './rect.ts';

/** The largest side a browser canvas cuts reliably (Chrome's limit): past it, no tiles can be made. */
export const MAX_TILED_SIDE = 16384;

/** One tile of an image too large for Figma: its box in the image's pixels, and the image Figma holds for it. */
export interface Tile extends Rect {
  readonly hash: string;
}

/** Splits `total` pixels into `parts` whole spans as even as can be, edge to edge. */
function spans(total: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0, start = 0; i < parts; i++) {
    const end = Math.round(((i + 1) * total) / parts);
    out.push([start, end - start]);
    start = end;
  }
  return out;
}

/**
 * How an image past Figma's 4096 px is cut: the fewest columns and rows of at most `max` px,
 * even in size, in whole pixels, edge to edge (6048×2592 is two tiles of 3024×2592). One
 * tile, the image itself, when it fits.
 */
export function tilePlan(width: number, height: number, max = FIGMA_MAX_IMAGE_SIDE): Rect[] {
  const columns = spans(width, Math.ceil(width / max));
  const rows = spans(height, Math.ceil(height / max));
  return rows.flatMap(([y, h]) => columns.map(([x, w]) => ({ x, y, width: w, height: h })));
}

export function needsTiles(size: { width: number; height: number }): boolean {
  return size.width > FIGMA_MAX_IMAGE_SIDE || size.height > FIGMA_MAX_IMAGE_SIDE;
}

/** True when the tiles are exactly the image's tile plan: every pixel once, none past Figma's limit. */
export function tilesCover(tiles: readonly Rect[], width: number, height: number): boolean {
  const plan = tilePlan(width, height);
  return (
    tiles.length === plan.length &&
    plan.every((p, i) => {
      const t = tiles[i]!;
      return t.x === p.x && t.y === p.y && t.width === p.width && t.height === p.height;
    })
  );
}
