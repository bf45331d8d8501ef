import * as z from 'zod/mini';
import { PanelSizeSchema } from '../records/panelSize.ts';
import { PendingRunSchema } from '../records/pendingRun.ts';
import { MAX_PREVIEW_CHARS } from '../records/provenance.ts';
import { SettingsSchema } from '../records/settings.ts';
import { BytesSchema, TransportNameSchema } from './shared.ts';
import { PresetSizeSchema } from './composite.ts';

/** Requests carry an `id` and are answered by one `reply` (see requests.ts). */
const id = z.int();

export const ToMainSchema = z.discriminatedUnion('type', [
  // Events: nothing comes back.
  z.object({ type: z.literal('ui-ready') }),
  z.object({ type: z.literal('save-settings'), settings: SettingsSchema }),
  z.object({ type: z.literal('save-transport'), transport: TransportNameSchema }),
  z.object({ type: z.literal('remember-upload'), hash: z.string(), imageUUID: z.string() }),
  z.object({ type: z.literal('forget-upload'), hash: z.string() }),
  z.object({ type: z.literal('notify'), message: z.string(), error: z.boolean() }),
  z.object({ type: z.literal('get-thumbnails'), nodeIds: z.array(z.string()) }),
  z.object({ type: z.literal('get-history') }),
  z.object({ type: z.literal('remember-prompt'), prompt: z.string() }),
  z.object({ type: z.literal('quick-edit-done'), message: z.string(), error: z.boolean() }),
  /** `save`: remember the size (on release, or a key press), not on every pointer move of a drag. */
  z.object({ type: z.literal('resize-ui'), size: PanelSizeSchema, save: z.boolean() }),
  z.object({ type: z.literal('star-results'), nodeIds: z.array(z.string()), starred: z.boolean() }),
  // Requests.
  z.object({ type: z.literal('save-key'), id, apiKey: z.string() }),
  z.object({ type: z.literal('forget-key'), id }),
  /** `hide`: layers left out of what is sent (a marker drawn on a frame), hidden in a temporary copy. */
  z.object({
    type: z.literal('export-references'),
    id,
    nodeIds: z.array(z.string()),
    maxLongSide: z.int(),
    skipCache: z.boolean(),
    hide: z.optional(z.array(z.string())),
  }),
  z.object({ type: z.literal('pending-save'), id, run: PendingRunSchema }),
  z.object({ type: z.literal('pending-remove'), id, runId: z.string() }),
  z.object({
    type: z.literal('place-result'),
    id,
    runId: z.string(),
    taskUUID: z.string(),
    imageUUID: z.string(),
    /** The checked image (PNG, JPEG or GIF, ≤ 4096 px): Runware sends results inline. */
    bytes: BytesSchema,
    seed: z.optional(z.number()),
    cost: z.optional(z.number()),
    /** A composite run's image placed as Riverflow made it, when its frame could not be composited any more. */
    asIs: z.optional(z.boolean()),
    /** The History panel's preview of the image as placed (see PREVIEW_KEY). */
    preview: z.optional(z.string().check(z.maxLength(MAX_PREVIEW_CHARS))),
  }),
  z.object({ type: z.literal('select-nodes'), id, nodeIds: z.array(z.string()) }),
  /** A picture of a node at a width the panel can show sharply (the compare view). */
  z.object({ type: z.literal('export-preview'), id, nodeId: z.string(), width: z.int().check(z.positive(), z.lte(2048)) }),
  z.object({ type: z.literal('pin-reference'), id, nodeId: z.string(), pinned: z.boolean() }),
  /** Keep one result of a run: the run's other variations leave the canvas, in one undo step. */
  z.object({ type: z.literal('keep-result'), id, runId: z.string(), nodeId: z.string() }),
  /** A result's own image fill (a composite), to upload before upscaling it. */
  z.object({ type: z.literal('result-image'), id, nodeId: z.string(), skipCache: z.boolean() }),
  /** The reference and compositing parts for an area edit or for text kept sharp (see CompositeParts). */
  z.object({
    type: z.literal('prepare-composite'),
    id,
    frameId: z.string(),
    markerId: z.optional(z.string()),
    keepTextSharp: z.boolean(),
    preset: PresetSizeSchema,
    skipCache: z.boolean(),
  }),
]);
export type ToMain = z.infer<typeof ToMainSchema>;
export type ToMainRequest = Extract<ToMain, { id: number }>;
