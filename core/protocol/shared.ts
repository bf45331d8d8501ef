import * as z from 'zod/mini';
import { ProtectedLayerSchema } from '../records/protection.ts';

/** Pieces both directions use. Messages are structured-cloned: Uint8Array crosses as is. */
// Checked by tag, not instanceof: the main thread's realm is not the iframe's (nor a test's).
export const BytesSchema = z.custom<Uint8Array>((v) => Object.prototype.toString.call(v) === '[object Uint8Array]');

export const TransportNameSchema = z.enum(['rest', 'ws']);
export type TransportName = z.infer<typeof TransportNameSchema>;

export const SelectedNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  width: z.number(),
  height: z.number(),
  /**
   * When the node is a Riverflow result, for upscaling: its image on Runware (absent for a composite,
   * made in the plugin: its image fill is uploaded first), its pixel size, and whether it carries live text.
   */
  result: z.optional(
    z.object({
      imageUUID: z.optional(z.string()),
      width: z.number(),
      height: z.number(),
      liveText: z.optional(z.boolean()),
      upscaled: z.optional(z.boolean()),
    }),
  ),
  /** Visible text layers inside it (what "Keep text layers sharp" keeps). */
  textLayers: z.optional(z.int()),
  /** Its protected layers that still exist: every edit of it gives their pixels back exactly. */
  protected: z.optional(z.array(ProtectedLayerSchema)),
});
export type SelectedNode = z.infer<typeof SelectedNodeSchema>;

export const SkippedNodeSchema = z.object({ name: z.string(), reason: z.string() });
export type SkippedNode = z.infer<typeof SkippedNodeSchema>;

const ReferenceBase = { nodeId: z.string(), hash: z.string(), mime: z.enum(['image/png', 'image/jpeg']) };

/** An exported reference: its bytes, or, when Runware already holds the same bytes, their upload's UUID. */
export const ReferenceSchema = z.union([z.object({ ...ReferenceBase, bytes: BytesSchema }), z.object({ ...ReferenceBase, cachedUUID: z.string() })]);
export type Reference = z.infer<typeof ReferenceSchema>;
