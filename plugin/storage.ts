import * as z from 'zod/mini';
import { EndpointsSchema, type DevEndpoints } from '../core/protocol.ts';
import { isLoopbackUrl } from '../core/runware/endpoints.ts';
import { DEFAULT_SETTINGS, PendingTaskSchema, SettingsSchema, settingsInRange, UploadCacheSchema, type PendingTask, type Settings } from '../core/records.ts';

/**
 * Everything the plugin remembers lives in figma.clientStorage (per user, per machine),
 * never in the document: the API key above all. Records are validated on read, so a
 * corrupt or old-format record falls back to its default instead of breaking the plugin.
 */
const KEY = {
  apiKey: 'apiKey',
  settings: 'settings',
  pending: 'pending',
  uploads: 'uploads',
  transport: 'transport',
  endpoints: 'devEndpoints',
  recentPrompts: 'recentPrompts',
} as const;
const MAX_RECENT_PROMPTS = 20;

/** Runware deletes uploads 30 days after last use; stop trusting ours a day earlier. */
export const UPLOAD_TTL_MS = 29 * 24 * 3600 * 1000;
const MAX_UPLOAD_ENTRIES = 300;

/**
 * Read-modify-write updates run one at a time: the UI sends several in a row (one
 * remember-upload per reference) and interleaved writes would drop entries.
 */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(update: () => Promise<T>): Promise<T> {
  const next = queue.then(update, update);
  queue = next.catch(() => undefined);
  return next;
}

/** A stored value if it matches `schema`; otherwise (absent, old format, corrupt) the fallback. */
async function read<T, F = T>(key: string, schema: z.ZodMiniType<T>, fallback: F): Promise<T | F> {
  const parsed = schema.safeParse(await figma.clientStorage.getAsync(key));
  return parsed.success ? parsed.data : fallback;
}

export async function getApiKey(): Promise<string | null> {
  return read(KEY.apiKey, z.string(), null);
}
export async function setApiKey(apiKey: string): Promise<void> {
  await figma.clientStorage.setAsync(KEY.apiKey, apiKey);
}
export async function deleteApiKey(): Promise<void> {
  await figma.clientStorage.deleteAsync(KEY.apiKey);
}

export async function getSettings(): Promise<Settings> {
  const settings = await read(KEY.settings, SettingsSchema, DEFAULT_SETTINGS);
  return settingsInRange(settings) ? settings : DEFAULT_SETTINGS;
}
export async function setSettings(settings: Settings): Promise<void> {
  await figma.clientStorage.setAsync(KEY.settings, settings);
}

export async function getTransport(): Promise<'rest' | 'ws' | null> {
  return read(KEY.transport, z.union([z.literal('rest'), z.literal('ws')]), null);
}
export async function setTransport(transport: 'rest' | 'ws'): Promise<void> {
  await figma.clientStorage.setAsync(KEY.transport, transport);
}

/** A loopback override set by the playground; anything else is ignored. */
export async function getDevEndpoints(): Promise<DevEndpoints | null> {
  const e = await read(KEY.endpoints, EndpointsSchema, null);
  return e && isLoopbackUrl(e.rest) && isLoopbackUrl(e.ws) ? e : null;
}

export async function getPendingTasks(): Promise<PendingTask[]> {
  return read(KEY.pending, z.array(PendingTaskSchema), []);
}
export async function getPendingTask(taskUUID: string): Promise<PendingTask | undefined> {
  return (await getPendingTasks()).find((t) => t.taskUUID === taskUUID);
}
export async function savePendingTask(task: PendingTask): Promise<void> {
  return serial(async () => {
    const others = (await getPendingTasks()).filter((t) => t.taskUUID !== task.taskUUID);
    await figma.clientStorage.setAsync(KEY.pending, [...others, task]);
  });
}
export async function removePendingTask(taskUUID: string): Promise<void> {
  return serial(async () => {
    await figma.clientStorage.setAsync(KEY.pending, (await getPendingTasks()).filter((t) => t.taskUUID !== taskUUID));
  });
}

/** Uploads Runware still keeps, by content hash. */
export async function getUploadCache(now: number): Promise<Map<string, string>> {
  const cache = await read(KEY.uploads, UploadCacheSchema, []);
  return new Map(cache.filter((e) => now - e.usedAt <= UPLOAD_TTL_MS).map((e) => [e.hash, e.imageUUID]));
}

/** Keeps the newest entries only: clientStorage has 5 MB for everything. */
export async function rememberUpload(hash: string, imageUUID: string, now: number): Promise<void> {
  return serial(async () => {
    const others = (await read(KEY.uploads, UploadCacheSchema, [])).filter((e) => e.hash !== hash && now - e.usedAt <= UPLOAD_TTL_MS);
    await figma.clientStorage.setAsync(KEY.uploads, [{ hash, imageUUID, usedAt: now }, ...others].slice(0, MAX_UPLOAD_ENTRIES));
  });
}

export async function forgetUpload(hash: string): Promise<void> {
  return serial(async () => {
    await figma.clientStorage.setAsync(KEY.uploads, (await read(KEY.uploads, UploadCacheSchema, [])).filter((e) => e.hash !== hash));
  });
}

/** Recent prompts across documents, newest first, without repeats, at most 20. */
export async function getRecentPrompts(): Promise<string[]> {
  return read(KEY.recentPrompts, z.array(z.string()), []);
}
export async function rememberPrompt(prompt: string): Promise<void> {
  return serial(async () => {
    const text = prompt.trim();
    if (!text) return;
    const recent = (await getRecentPrompts()).filter((p) => p !== text);
    await figma.clientStorage.setAsync(KEY.recentPrompts, [text, ...recent].slice(0, MAX_RECENT_PROMPTS));
  });
}
