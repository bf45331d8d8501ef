import * as z from 'zod/mini';
import { PendingTaskSchema, SettingsSchema } from './records.ts';

/**
 * Every message between the UI iframe and the main thread, validated on arrival on both
 * sides. Requests that expect an answer carry an `id`; the answer is a `reply`.
 */
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array);

export const SelectedNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  width: z.number(),
  height: z.number(),
});
export type SelectedNode = z.infer<typeof SelectedNodeSchema>;

/** Tunable waits: the defaults suit the real API; the playground shortens them for tests. */
export const TimingSchema = z.object({ requestTimeoutMs: z.number(), pollLimitMs: z.number(), pollScale: z.number() });
export type Timing = z.infer<typeof TimingSchema>;
export const DEFAULT_TIMING: Timing = { requestTimeoutMs: 60_000, pollLimitMs: 15 * 60_000, pollScale: 1 };

/** A loopback override of Runware's hosts (the playground's emulator). */
export const EndpointsSchema = z.object({ rest: z.string(), ws: z.string(), timing: z.optional(TimingSchema) });
export type DevEndpoints = z.infer<typeof EndpointsSchema>;

export const ToMainSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui-ready') }),
  z.object({ type: z.literal('save-key'), id: z.number(), apiKey: z.string() }),
  z.object({ type: z.literal('forget-key'), id: z.number() }),
  z.object({ type: z.literal('save-settings'), settings: SettingsSchema }),
  z.object({ type: z.literal('save-transport'), transport: z.enum(['rest', 'ws']) }),
  z.object({ type: z.literal('export-references'), id: z.number(), nodeIds: z.array(z.string()), maxLongSide: z.number(), skipCache: z.boolean() }),
  z.object({ type: z.literal('remember-upload'), hash: z.string(), imageUUID: z.string() }),
  z.object({ type: z.literal('forget-upload'), hash: z.string() }),
  z.object({ type: z.literal('pending-save'), id: z.number(), task: PendingTaskSchema }),
  z.object({ type: z.literal('pending-remove'), taskUUID: z.string() }),
  z.object({
    type: z.literal('place-result'),
    id: z.number(),
    taskUUID: z.string(),
    imageUUID: z.string(),
    bytes,
    width: z.number(),
    height: z.number(),
    index: z.int(),
    seed: z.optional(z.number()),
    cost: z.optional(z.number()),
  }),
  z.object({ type: z.literal('notify'), message: z.string(), error: z.boolean() }),
]);
export type ToMain = z.infer<typeof ToMainSchema>;

export const ReferenceSchema = z.object({
  nodeId: z.string(),
  hash: z.string(),
  mime: z.enum(['image/png', 'image/jpeg']),
  width: z.number(),
  height: z.number(),
  /** Absent when an upload of the same bytes is cached: nothing crosses that is not needed. */
  bytes: z.optional(bytes),
  cachedUUID: z.optional(z.string()),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const ToUISchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    apiKey: z.nullable(z.string()),
    settings: SettingsSchema,
    pending: z.array(PendingTaskSchema),
    endpoints: z.nullable(EndpointsSchema),
    transport: z.nullable(z.enum(['rest', 'ws'])),
    /** Filled when the plugin was opened from a result's "Edit again" button. */
    relaunch: z.nullable(z.object({ prompt: z.string(), width: z.int(), height: z.int() })),
  }),
  z.object({
    type: z.literal('selection'),
    nodes: z.array(SelectedNodeSchema),
    /** Selected nodes that cannot be sent, with the reason shown to the user. */
    skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  }),
  z.object({ type: z.literal('reference'), id: z.number(), index: z.int(), reference: ReferenceSchema }),
  z.object({ type: z.literal('reply'), id: z.number(), ok: z.boolean(), message: z.optional(z.string()), nodeId: z.optional(z.string()) }),
]);
export type ToUI = z.infer<typeof ToUISchema>;
