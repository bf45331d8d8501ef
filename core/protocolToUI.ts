import * as z from 'zod/mini';
import { bytes, EndpointsSchema } from './protocol.ts';
import { PendingTaskSchema, SettingsSchema } from './records.ts';

/** Messages from the main thread to the UI, checked by the UI on arrival. */


export const SelectedNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  width: z.number(),
  height: z.number(),
});
export type SelectedNode = z.infer<typeof SelectedNodeSchema>;

export const ReferenceSchema = z.object({
  nodeId: z.string(),
  hash: z.string(),
  mime: z.enum(['image/png', 'image/jpeg']),
  /** Absent when an upload of the same bytes is cached: nothing crosses that is not needed. */
  bytes: z.optional(bytes),
  cachedUUID: z.optional(z.string()),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const ToUISchema = z.union([
  z.object({
    type: z.literal('init'),
    apiKey: z.nullable(z.string()),
    settings: SettingsSchema,
    pending: z.array(PendingTaskSchema),
    endpoints: z.nullable(EndpointsSchema),
    transport: z.nullable(z.enum(['rest', 'ws'])),
    recentPrompts: z.array(z.string()),
    /** The selected result's raw provenance when opened from its "Edit again" button. */
    relaunch: z.nullable(z.string()),
    /** The quick action's parameters, as typed: run at once, unseen, and report. */
    quick: z.nullable(z.object({ prompt: z.string(), size: z.nullable(z.string()) })),
  }),
  z.object({
    type: z.literal('selection'),
    nodes: z.array(SelectedNodeSchema),
    /** Selected nodes that cannot be sent, with the reason shown to the user. */
    skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  }),
  z.object({ type: z.literal('reference'), id: z.number(), index: z.number(), reference: ReferenceSchema }),
  z.object({ type: z.literal('thumbnail'), nodeId: z.string(), bytes: z.nullable(bytes) }),
  /** Results on the page with their raw provenance (parsed in the UI: core/history.ts). */
  z.object({ type: z.literal('history'), results: z.array(z.object({ nodeId: z.string(), data: z.string() })) }),
  z.object({ type: z.literal('reply'), id: z.number(), ok: z.boolean(), message: z.optional(z.string()), nodeId: z.optional(z.string()) }),
]);
export type ToUI = z.infer<typeof ToUISchema>;
