import { contentHash } from '../core/hash.ts';
import type { Reference } from '../core/protocol/shared.ts';
import { getUploadCache } from './storage.ts';

/**
 * The one hash → upload lookup: an image Runware already holds is named by its upload's UUID
 * and its bytes stay here. `fresh` skips the lookup (Runware said it forgot the upload).
 */
export async function cachedReference(
  nodeId: string,
  bytes: Uint8Array,
  mime: Reference['mime'],
  fresh: boolean,
  cache?: Map<string, string>,
): Promise<Reference> {
  const hash = contentHash(bytes);
  const cachedUUID = fresh ? undefined : (cache ?? (await getUploadCache(Date.now()))).get(hash);
  return cachedUUID ? { nodeId, hash, mime, cachedUUID } : { nodeId, hash, mime, bytes };
}
