import * as z from 'zod/mini';
import { CompositePartsSchema } from './composite.ts';
import { BytesSchema, ReferenceSchema } from './shared.ts';
import type { ToMainRequest } from './toMain.ts';

/**
 * What each UI → main request answers with when it succeeds. A failure is always
 * `{ok: false, message}` with words a designer can read.
 */
export const ReplyValueSchemas = {
  'save-key': z.object({}),
  'forget-key': z.object({}),
  'export-references': z.object({ count: z.int() }),
  'pending-save': z.object({}),
  'pending-remove': z.object({}),
  'place-result': z.object({ nodeId: z.string() }),
  'select-nodes': z.object({}),
  'export-preview': z.object({ bytes: BytesSchema }),
  'keep-result': z.object({ removed: z.int() }),
  'pin-reference': z.object({}),
  'prepare-composite': CompositePartsSchema,
  'result-image': ReferenceSchema,
} as const;

export type RequestType = keyof typeof ReplyValueSchemas;
export type ReplyValue<K extends RequestType> = z.infer<(typeof ReplyValueSchemas)[K]>;
/** A request as its sender writes it: the bridge adds the id. */
export type RequestBody<K extends RequestType> = Omit<Extract<ToMainRequest, { type: K }>, 'id'> & { type: K };

/** How long the main thread may take before the UI gives up on a request (Figma can be slow on big exports). */
export const REQUEST_TIMEOUT_MS: Record<RequestType, number> = {
  'save-key': 10_000,
  'forget-key': 10_000,
  'export-references': 120_000,
  'pending-save': 10_000,
  'pending-remove': 10_000,
  'place-result': 60_000,
  'select-nodes': 10_000,
  'export-preview': 30_000,
  'keep-result': 10_000,
  'pin-reference': 10_000,
  'prepare-composite': 120_000,
  'result-image': 30_000,
};
