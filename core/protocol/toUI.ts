import * as z from 'zod/mini';
import { DevEndpointsSchema } from '../records/devEndpoints.ts';
import { PendingRunSchema } from '../records/pendingRun.ts';
import { MAX_PREVIEW_CHARS, ProvenanceSchema } from '../records/provenance.ts';
import { SettingsSchema } from '../records/settings.ts';
import { AreaSelectionSchema } from './composite.ts';
import { BytesSchema, ReferenceSchema, SelectedNodeSchema, SkippedNodeSchema, TransportNameSchema } from './shared.ts';

export const QuickEditParametersSchema = z.object({ prompt: z.string(), size: z.nullable(z.string()) });
export type QuickEditParameters = z.infer<typeof QuickEditParametersSchema>;

export const HistoryResultSchema = z.object({ nodeId: z.string(), provenance: ProvenanceSchema, starred: z.boolean() });
export type HistoryResult = z.infer<typeof HistoryResultSchema>;

export const ToUISchema = z.union([
  z.object({
    type: z.literal('init'),
    apiKey: z.nullable(z.string()),
    settings: SettingsSchema,
    /** Runs of this file left pending by a closed plugin, to be collected and placed. */
    pending: z.array(PendingRunSchema),
    /** Runs pending in other files: kept for their own file, mentioned in the panel. */
    pendingElsewhere: z.int(),
    endpoints: z.nullable(DevEndpointsSchema),
    transport: z.nullable(TransportNameSchema),
    recentPrompts: z.array(z.string()),
    /** This month's Runware spend on this computer, in USD. */
    monthSpend: z.number(),
    /** The result the plugin was relaunched on with "Edit again". */
    relaunch: z.nullable(ProvenanceSchema),
    /** The quick edit's parameters, as typed: run at once, unseen, and report. */
    quickEdit: z.nullable(QuickEditParametersSchema),
  }),
  z.object({
    type: z.literal('selection'),
    /** Usable nodes, the base first: the order the designer picked them in, where known. */
    nodes: z.array(SelectedNodeSchema),
    /** Selected nodes that cannot be sent, with the reason shown to the user. */
    skipped: z.array(SkippedNodeSchema),
    /** How the base was chosen: picked first while the panel watched, or reading order. */
    order: z.enum(['picked', 'reading']),
    /** A marker shape selected on (or with) a frame: the area "Edit only this area" changes. */
    area: z.optional(AreaSelectionSchema),
    /** One layer selected inside a frame: what Protect (or Unprotect) would act on. */
    layer: z.optional(z.object({ id: z.string(), name: z.string(), frameId: z.string(), frameName: z.string(), protected: z.boolean() })),
  }),
  /** The document's pinned references that can be sent, and how many were deleted since. */
  z.object({ type: z.literal('pins'), nodes: z.array(SelectedNodeSchema), missing: z.int() }),
  z.object({ type: z.literal('reference'), id: z.int(), index: z.int(), reference: ReferenceSchema }),
  /** A node's picture: exported bytes (PNG), or a result's stored preview (JPEG, base64). */
  z.object({
    type: z.literal('thumbnail'),
    nodeId: z.string(),
    bytes: z.nullable(BytesSchema),
    preview: z.optional(z.string().check(z.maxLength(MAX_PREVIEW_CHARS))),
  }),
  z.object({ type: z.literal('history'), results: z.array(HistoryResultSchema) }),
  z.object({ type: z.literal('reply'), id: z.int(), ok: z.literal(true), value: z.unknown() }),
  z.object({ type: z.literal('reply'), id: z.int(), ok: z.literal(false), message: z.string() }),
]);
export type ToUI = z.infer<typeof ToUISchema>;
