import * as z from 'zod/mini';

/**
 * The layers of a frame that must come back exactly as they went (a barcode, a logo, a legal panel):
 * their node ids, in the frame's own plugin data, so the protection travels with the file.
 */
export const PROTECT_KEY = 'riverflowProtect';
export const MAX_PROTECTED = 20;
export const ProtectedIdsSchema = z.array(z.string()).check(z.maxLength(MAX_PROTECTED));

/** A frame's protected ids from its plugin data; anything unreadable (a hand edit, another version) is none. */
export function readProtectedIds(raw: string): string[] {
  if (!raw) return [];
  try {
    const parsed = ProtectedIdsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** A protected layer as the panel names it. */
export const ProtectedLayerSchema = z.object({ id: z.string(), name: z.string() });
export type ProtectedLayer = z.infer<typeof ProtectedLayerSchema>;
