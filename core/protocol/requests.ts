import * as z from 'zod/mini';
import { ProtectedLayerSchema } from '../records/protection.ts';
import { PendingRunSchema } from '../records/pendingRun.ts';
import { MAX_PREVIEW_CHARS } from '../records/provenance.ts';
import { CompositePartsSchema, PresetSizeSchema } from './composite.ts';
import { BytesSchema, ReferenceSchema, SelectedNodeSchema } from './shared.ts';
import { RectSchema } from '../rect.ts';
import { HistoryResultSchema } from './toUI.ts';

const TileSchema = z.object({ ...RectSchema.shape, hash: z.string() });

/**
 * Every UI → main request, in one place: its body, what it answers with when it succeeds (a
 * failure is always `{ok: false, message}` in words a designer can read), and how long the main
 * thread may take before the UI gives up (Figma can be slow on big exports). A reply carries the
 * state the request changed. The one request that streams is export-references: each image comes
 * in its own `reference` message (one huge message would double peak memory in both sandboxes).
 */
export const REQUESTS = {
  'save-key': { body: { apiKey: z.string() }, reply: z.object({}), timeoutMs: 10_000 },
  'forget-key': { body: {}, reply: z.object({}), timeoutMs: 10_000 },
  /** `hide`: layers left out of what is sent (a marker drawn on a frame), hidden in a temporary copy. */
  'export-references': {
    body: { nodeIds: z.array(z.string()), maxLongSide: z.int(), skipCache: z.boolean(), hide: z.optional(z.array(z.string())) },
    reply: z.object({ count: z.int() }),
    timeoutMs: 120_000,
  },
  /** A run's charged cost (Runware's `cost`), added to this month's on this computer; the reply is the month's total. */
  'record-spend': { body: { usd: z.number().check(z.gte(0)) }, reply: z.object({ monthUsd: z.number() }), timeoutMs: 10_000 },
  'pending-save': { body: { run: PendingRunSchema }, reply: z.object({}), timeoutMs: 10_000 },
  'pending-remove': { body: { runId: z.string() }, reply: z.object({}), timeoutMs: 10_000 },
  /**
   * One tile of a result past Figma's 4096 px (cut in the iframe, one message each so neither
   * sandbox holds the whole image twice): Figma keeps the image, the reply is its hash.
   */
  'store-tile': { body: { bytes: BytesSchema }, reply: z.object({ hash: z.string() }), timeoutMs: 60_000 },
  'place-result': {
    body: {
      runId: z.string(),
      taskUUID: z.string(),
      imageUUID: z.string(),
      /** The checked image (PNG, JPEG or GIF, ≤ 4096 px): Runware sends results inline. Absent when it comes as tiles. */
      bytes: z.optional(BytesSchema),
      /** A result past 4096 px: its pixel size and the tiles already stored with store-tile. */
      tiles: z.optional(z.object({ width: z.int(), height: z.int(), parts: z.array(TileSchema).check(z.minLength(2)) })),
      seed: z.optional(z.number()),
      cost: z.optional(z.number()),
      /** A composite run's image placed as Riverflow made it, when its frame could not be composited any more. */
      asIs: z.optional(z.boolean()),
      /** The History panel's preview of the image as placed (see PREVIEW_KEY). */
      preview: z.optional(z.string().check(z.maxLength(MAX_PREVIEW_CHARS))),
    },
    reply: z.object({ nodeId: z.string() }),
    timeoutMs: 60_000,
  },
  'select-nodes': { body: { nodeIds: z.array(z.string()) }, reply: z.object({}), timeoutMs: 10_000 },
  /** A picture of a node at a width the panel can show sharply (the compare view). */
  'export-preview': {
    body: { nodeId: z.string(), width: z.int().check(z.positive(), z.lte(2048)) },
    reply: z.object({ bytes: BytesSchema }),
    timeoutMs: 30_000,
  },
  /** Keep one result of a run: the run's other variations leave the canvas, in one undo step. */
  'keep-result': { body: { runId: z.string(), nodeId: z.string() }, reply: z.object({ removed: z.int() }), timeoutMs: 10_000 },
  /** Pins or unpins a reference; the reply is the document's pins as they now are. */
  /** Protects a layer of its frame (or stops protecting it); the reply is the frame's protected layers as they now are. */
  'protect-layer': {
    body: { layerId: z.string(), on: z.boolean() },
    reply: z.object({ frameId: z.string(), layers: z.array(ProtectedLayerSchema) }),
    timeoutMs: 10_000,
  },
  'pin-reference': {
    body: { nodeId: z.string(), pinned: z.boolean() },
    reply: z.object({ nodes: z.array(SelectedNodeSchema), missing: z.int() }),
    timeoutMs: 10_000,
  },
  /** Stars or unstars a run's results; the reply is the page's history as it now is. */
  'star-results': {
    body: { nodeIds: z.array(z.string()), starred: z.boolean() },
    reply: z.object({ results: z.array(HistoryResultSchema) }),
    timeoutMs: 10_000,
  },
  /**
   * "Finish with…" on a result: what it was made from (prompt, model, size, the references that
   * still exist, in order), so the same run can be made again on a final model beside it.
   */
  'finish-plan': {
    body: { nodeId: z.string() },
    reply: z.object({
      prompt: z.string(),
      model: z.string(),
      width: z.int(),
      height: z.int(),
      sources: z.array(SelectedNodeSchema),
      missing: z.int(),
      area: z.boolean(),
      /** The draft kept its text layers live: the final does too. */
      keepTextSharp: z.boolean(),
    }),
    timeoutMs: 10_000,
  },
  /** A result's own image fill (a composite), to upload before upscaling it. */
  'result-image': { body: { nodeId: z.string(), skipCache: z.boolean() }, reply: ReferenceSchema, timeoutMs: 30_000 },
  /** The reference and compositing parts for an area edit or for text kept sharp (see CompositeParts). */
  'prepare-composite': {
    body: { frameId: z.string(), markerId: z.optional(z.string()), keepTextSharp: z.boolean(), preset: PresetSizeSchema, skipCache: z.boolean() },
    reply: CompositePartsSchema,
    timeoutMs: 120_000,
  },
} as const;

export type RequestType = keyof typeof REQUESTS;
type Entry<K extends RequestType> = (typeof REQUESTS)[K];
export type ReplyValue<K extends RequestType> = z.infer<Entry<K>['reply']>;

const id = z.int();
type Shape<K extends RequestType> = { type: z.ZodMiniLiteral<K>; id: typeof id } & (typeof REQUESTS)[K]['body'] extends infer S extends z.core.$ZodShape
  ? S
  : never;
/** The message schema of one request: its type, an id for the reply, and its body. */
export function requestSchema<K extends RequestType>(type: K) {
  return z.object({ type: z.literal(type), id, ...REQUESTS[type].body } as unknown as Shape<K>);
}
export type ToMainRequest = { [K in RequestType]: z.infer<z.ZodMiniObject<Shape<K>>> }[RequestType];
/** A request as its sender writes it: the bridge adds the id. */
export type RequestBody<K extends RequestType> = Omit<Extract<ToMainRequest, { type: K }>, 'id'> & { type: K };

export const REQUEST_TYPES = Object.keys(REQUESTS) as RequestType[];
