import * as z from 'zod/mini';

/** A box in some node's or page's coordinates: the one shape placement, crops and stored slots share. */
export const RectSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
