import * as z from 'zod/mini';

/** Uploaded references by content hash, newest first (Runware keeps uploads 30 days after last use). */
export const UploadCacheSchema = z.array(z.object({ hash: z.string(), imageUUID: z.string(), usedAt: z.number() }));
export type UploadCache = z.infer<typeof UploadCacheSchema>;
