import * as z from 'zod/mini';
import { BackgroundModeSchema, HEX_COLOUR, OutputFormatSchema, ThinkingSchema } from '../outputOptions.ts';
import { RectSchema } from '../rect.ts';

/** The plugin-data key every placed result carries its provenance under. */
export const PROVENANCE_KEY = 'riverflow';
/**
 * A result's small preview for the History panel (a JPEG, base64), made once by the UI when the
 * result is placed: the panel never needs the result's full image, up to 4096 px and megabytes.
 */
export const PREVIEW_KEY = 'riverflowPreview';
/** 64 KB of JPEG as base64; plugin data holds up to 100 kB per entry. */
export const MAX_PREVIEW_BYTES = 64 * 1024;
export const MAX_PREVIEW_CHARS = Math.ceil(MAX_PREVIEW_BYTES / 3) * 4;
/** Set ('1') on a result the designer starred; absent otherwise. */
export const STAR_KEY = 'riverflowStar';

/** Provenance stored in plugin data on every placed result: the document is the record. */
export const ProvenanceSchema = z.object({
  prompt: z.string(),
  model: z.string(),
  width: z.number(),
  height: z.number(),
  /** The run the result belongs to (its variations share it). */
  runId: z.string(),
  taskUUID: z.string(),
  imageUUID: z.string(),
  seed: z.optional(z.number()),
  cost: z.optional(z.number()),
  sourceNodeId: z.string(),
  /** Every reference the run sent, in order (absent on results placed before it was recorded: the source alone). */
  sourceNodeIds: z.optional(z.array(z.string())),
  /** The file the result was placed in: node ids repeat across files, so its sources are only looked up there. */
  fileId: z.optional(z.string()),
  createdAt: z.number(),
  /** 1-based variation number, as in the node's name. */
  index: z.number(),
  /** Output options of the run (absent on results placed before they were recorded). */
  outputFormat: z.optional(OutputFormatSchema),
  outputQuality: z.optional(z.number()),
  checkContent: z.optional(z.boolean()),
  /** Riverflow 2.5's choices, on its results. */
  thinking: z.optional(ThinkingSchema),
  backgroundMode: z.optional(BackgroundModeSchema),
  backgroundColor: z.optional(z.string().check(z.regex(HEX_COLOUR))),
  /** On an upscaled result: the factor (its source result is `sourceNodeId`). */
  upscaleFactor: z.optional(z.number()),
  /** On an area edit: the area, in the source frame's coordinates, and the marker's name. */
  area: z.optional(RectSchema),
  marker: z.optional(z.string()),
  /** The result is a frame with the source's text layers on top of the image. */
  keepTextSharp: z.optional(z.boolean()),
  /** On a "Finish with…" result: the draft it finishes (its node id). */
  finishes: z.optional(z.string()),
  /** Set when the image is past Figma's 4096 px and placed as tiles in a frame: how many. */
  tiles: z.optional(z.int()),
  /** Set when the image fill was composited in the plugin (so it is not Runware's image): its pixel size. */
  composite: z.optional(z.object({ width: z.number(), height: z.number() })),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** Reads a result's plugin data; anything else (another version, a hand edit) is undefined. */
export function parseProvenance(raw: string): Provenance | undefined {
  if (!raw) return undefined;
  try {
    const parsed = ProvenanceSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
