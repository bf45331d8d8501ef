import * as z from 'zod/mini';
import { PendingTaskSchema, SettingsSchema } from './records.ts';

/**
 * Every message between the UI iframe and the main thread, validated on arrival on both
 * sides. Requests that expect an answer carry an `id`; the answer is a `reply`.
 * UI → main lives here; main → UI in protocolToUI.ts, so that the main thread's bundle
 * carries only the schemas it checks (its budget is 12 KB gzipped).
 */
export const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array);

/** Tunable waits: the defaults suit the real API; the playground shortens them for tests. */
export const TimingSchema = z.object({ requestTimeoutMs: z.number(), pollLimitMs: z.number(), pollScale: z.number() });
export type Timing = z.infer<typeof TimingSchema>;
export const DEFAULT_TIMING: Timing = { requestTimeoutMs: 60_000, pollLimitMs: 15 * 60_000, pollScale: 1 };

/** A loopback override of Runware's hosts (the playground's emulator). */
export const EndpointsSchema = z.object({ rest: z.string(), ws: z.string(), timing: z.optional(TimingSchema) });
export type DevEndpoints = z.infer<typeof EndpointsSchema>;

export const ToMainSchema = z.union([
  z.object({ type: z.literal('ui-ready') }),
  z.object({ type: z.literal('save-key'), id: z.number(), apiKey: z.string() }),
  z.object({ type: z.literal('forget-key'), id: z.number() }),
  z.object({ type: z.literal('save-settings'), settings: SettingsSchema }),
  z.object({ type: z.literal('save-transport'), transport: z.union([z.literal('rest'), z.literal('ws')]) }),
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
    /** The checked image, or, when the iframe may not download it, its URL for figma.createImageAsync. */
    bytes: z.optional(bytes),
    url: z.optional(z.string()),
    index: z.number(),
    seed: z.optional(z.number()),
    cost: z.optional(z.number()),
  }),
  z.object({ type: z.literal('notify'), message: z.string(), error: z.boolean() }),
  z.object({ type: z.literal('get-thumbnails'), nodeIds: z.array(z.string()) }),
  z.object({ type: z.literal('get-history') }),
  z.object({ type: z.literal('select-nodes'), nodeIds: z.array(z.string()) }),
  z.object({ type: z.literal('remember-prompt'), prompt: z.string() }),
  z.object({ type: z.literal('quick-done'), message: z.string(), error: z.boolean() }),
]);
export type ToMain = z.infer<typeof ToMainSchema>;

export type { Reference, SelectedNode, ToUI } from './protocolToUI.ts';
