import * as z from 'zod/mini';

/** A box in some node's or page's coordinates: the one shape placement, crops and stored slots share. */
export const RectSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
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

/** Whether two boxes share any area (touching edges do not). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The smallest box holding all of `boxes` (at least one). */
export function union(boxes: readonly Rect[]): Rect {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** The largest box of `width`:`height` inside `slot`, at its top left: a result never reaches past the slot planned for it. */
export function fitInside(slot: Rect, width: number, height: number): Rect {
  const scale = Math.min(slot.width / width, slot.height / height);
  return { x: slot.x, y: slot.y, width: width * scale, height: height * scale };
}
