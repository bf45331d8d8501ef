import * as z from 'zod/mini';
import { RectSchema } from '../rect.ts';
import { BytesSchema, ReferenceSchema } from './shared.ts';

export const PresetSizeSchema = z.object({ width: z.int(), height: z.int() });

const AffineSchema = z.tuple([z.tuple([z.number(), z.number(), z.number()]), z.tuple([z.number(), z.number(), z.number()])]);

/** A shape's outline: its vector paths and the transform from its own space into the frame's. */
const OutlineSchema = z.object({
  paths: z.array(z.object({ data: z.string(), windingRule: z.enum(['NONZERO', 'EVENODD', 'NONE']) })),
  transform: AffineSchema,
});
export type Outline = z.infer<typeof OutlineSchema>;

/**
 * A marked area on a frame, as the selection shows it: the marker shape the designer drew,
 * the frame it covers, and its box in the frame's coordinates (origin at the top left of
 * what the frame renders, so shadows count).
 */
export const AreaSelectionSchema = z.object({
  markerId: z.string(),
  markerName: z.string(),
  frameId: z.string(),
  frameName: z.string(),
  box: RectSchema,
});
export type AreaSelection = z.infer<typeof AreaSelectionSchema>;

/**
 * What a composite run needs from the main thread, made from a temporary copy of the frame
 * (marker and text layers hidden) that is removed before the reply: the reference the model
 * reads, and what the panel composites each result with.
 */
export const CompositePartsSchema = z.object({
  /** The crop around the area (or the whole frame) as the model reads it. */
  reference: ReferenceSchema,
  frameName: z.string(),
  /** The frame's rendered size, in its units: the result has exactly this size. */
  size: z.object({ width: z.number(), height: z.number() }),
  crop: RectSchema,
  /** Pixels per frame unit of the composite. */
  scale: z.number(),
  area: z.optional(RectSchema),
  /** The whole frame rendered at `scale`, without the marker (and its text when kept sharp): the pixels outside the area. */
  base: z.optional(BytesSchema),
  /** The marker's outline: its paths and the transform from its own space into the frame's. */
  mask: z.optional(OutlineSchema),
  /**
   * The frame's protected layers: each one's outline (its own paths, or its box for text and
   * containers) and its box, in frame units. Their pixels in every result are the frame's render.
   */
  protect: z.optional(z.array(z.object({ name: z.string(), box: RectSchema, outline: OutlineSchema }))),
  /** Text whose font cannot be loaded, rendered to draw into the image (frame units). */
  overlays: z.array(z.object({ bytes: BytesSchema, box: RectSchema, clip: z.optional(RectSchema) })),
  /** Names of the text layers drawn into the image instead of kept as text. */
  drawnText: z.array(z.string()),
});
export type CompositeParts = z.infer<typeof CompositePartsSchema>;

/** On a pending run whose results are composites: enough to make the parts again after a reopen. */
export const CompositeRunSchema = z.object({
  frameId: z.string(),
  markerId: z.optional(z.string()),
  keepTextSharp: z.boolean(),
  featherPercent: z.number(),
  /** The frame's rendered size: each result is placed this size, so kept text lines up. */
  size: z.object({ width: z.number(), height: z.number() }),
  area: z.optional(RectSchema),
  markerName: z.optional(z.string()),
});
export type CompositeRun = z.infer<typeof CompositeRunSchema>;
