import * as z from 'zod/mini';
import { DevEndpointsSchema, type DevEndpoints } from '../core/records/devEndpoints.ts';
import { PendingRunSchema, type PendingRun } from '../core/records/pendingRun.ts';
import { DEFAULT_PANEL_SIZE, PanelSizeSchema, type PanelSize } from '../core/records/panelSize.ts';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../core/records/settings.ts';
import { UploadCacheSchema } from '../core/records/uploadCache.ts';
import { TransportNameSchema, type TransportName } from '../core/protocol/shared.ts';
import { isLoopbackUrl } from '../core/runware/endpoints.ts';
import { rememberRecent } from '../core/recentPrompts.ts';
import { addSpend, MonthSpendSchema, spentThisMonth } from '../core/records/monthSpend.ts';

/**
 * Everything the plugin remembers per user lives in figma.clientStorage (per user, per
 * machine), never in the document: the API key above all. Records are validated on read;
 * a corrupt or old-format record falls back to its default, and the reason is logged.
 */
const KEY = {
  apiKey: 'apiKey',
  settings: 'settings',
  /** Before each run had its own key: read, and emptied as its runs end. */
  pending: 'pendingRuns',
  pendingRun: 'pendingRun:',
  uploads: 'uploads',
  transport: 'transport',
  endpoints: 'devEndpoints',
  recentPrompts: 'recentPrompts',
  panelSize: 'panelSize',
  monthSpend: 'monthSpend',
} as const;

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

/** Resolves once every write asked for so far is done: closing the plugin sooner would lose them. */
export function settled(): Promise<void> {
  return queue.then(() => undefined);
}

/** A stored value if it matches `schema`; otherwise (absent, old format, corrupt) the fallback. */
async function read<T, F>(key: string, schema: z.ZodMiniType<T>, fallback: F): Promise<T | F> {
  const raw: unknown = await figma.clientStorage.getAsync(key);
  if (raw === undefined) return fallback;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Never the value itself: the key record must not reach a log.
  console.warn(`Riverflow: the stored ${key} record is not usable (${parsed.error.issues[0]?.message ?? 'invalid'}); using the default.`);
  return fallback;
}

export const getApiKey = () => read(KEY.apiKey, z.string(), null);
export const setApiKey = (apiKey: string) => serial(() => figma.clientStorage.setAsync(KEY.apiKey, apiKey));
export const deleteApiKey = () => serial(() => figma.clientStorage.deleteAsync(KEY.apiKey));

export const getSettings = (): Promise<Settings> => read(KEY.settings, SettingsSchema, DEFAULT_SETTINGS);
export const setSettings = (settings: Settings) => serial(() => figma.clientStorage.setAsync(KEY.settings, settings));

export const getTransport = (): Promise<TransportName | null> => read(KEY.transport, TransportNameSchema, null);
export const setTransport = (transport: TransportName) => serial(() => figma.clientStorage.setAsync(KEY.transport, transport));

/** A loopback override set by the playground; anything else is ignored. */
export async function getDevEndpoints(): Promise<DevEndpoints | null> {
  const e = await read(KEY.endpoints, DevEndpointsSchema, null);
  return e && isLoopbackUrl(e.rest) && isLoopbackUrl(e.ws) ? e : null;
}

/**
 * Each pending run under its own key: the plugin open in two files at once (one clientStorage)
 * never rewrites the other window's runs. Runs stored by earlier versions in one array are still read.
 */
const runKey = (runId: string) => `${KEY.pendingRun}${runId}`;

export async function getPendingRuns(): Promise<PendingRun[]> {
  const keys = (await figma.clientStorage.keysAsync()).filter((k) => k.startsWith(KEY.pendingRun));
  const runs = await Promise.all(keys.map((k) => read(k, PendingRunSchema, null)));
  const legacy = await read(KEY.pending, z.array(PendingRunSchema), []);
  const own = runs.filter((r): r is PendingRun => r !== null);
  return [...legacy.filter((l) => !own.some((r) => r.runId === l.runId)), ...own];
}

export async function getPendingRun(runId: string): Promise<PendingRun | undefined> {
  return (await read(runKey(runId), PendingRunSchema, null)) ?? (await read(KEY.pending, z.array(PendingRunSchema), [])).find((r) => r.runId === runId);
}

export function savePendingRun(run: PendingRun): Promise<void> {
  return serial(() => figma.clientStorage.setAsync(runKey(run.runId), run));
}

/** Changes one stored run in place (placements of one run land one at a time, in this window). */
export function updatePendingRun(runId: string, change: (run: PendingRun) => PendingRun): Promise<PendingRun | undefined> {
  return serial(async () => {
    const run = await getPendingRun(runId);
    if (!run) return undefined;
    const next = change(run);
    await figma.clientStorage.setAsync(runKey(runId), next);
    return next;
  });
}

export function removePendingRun(runId: string): Promise<void> {
  return serial(async () => {
    await figma.clientStorage.deleteAsync(runKey(runId));
    const legacy = await read(KEY.pending, z.array(PendingRunSchema), []);
    if (legacy.some((r) => r.runId === runId))
      await figma.clientStorage.setAsync(
        KEY.pending,
        legacy.filter((r) => r.runId !== runId),
      );
  });
}

/** Uploads Runware still keeps, by content hash. */
export async function getUploadCache(now: number): Promise<Map<string, string>> {
  const cache = await read(KEY.uploads, UploadCacheSchema, []);
  return new Map(cache.filter((e) => now - e.usedAt <= UPLOAD_TTL_MS).map((e) => [e.hash, e.imageUUID]));
}

/** Keeps the newest entries only: clientStorage has 5 MB for everything. */
export function rememberUpload(hash: string, imageUUID: string, now: number): Promise<void> {
  return serial(async () => {
    const others = (await read(KEY.uploads, UploadCacheSchema, [])).filter((e) => e.hash !== hash && now - e.usedAt <= UPLOAD_TTL_MS);
    await figma.clientStorage.setAsync(KEY.uploads, [{ hash, imageUUID, usedAt: now }, ...others].slice(0, MAX_UPLOAD_ENTRIES));
  });
}

export function forgetUpload(hash: string): Promise<void> {
  return serial(async () => {
    await figma.clientStorage.setAsync(
      KEY.uploads,
      (await read(KEY.uploads, UploadCacheSchema, [])).filter((e) => e.hash !== hash),
    );
  });
}

export const getRecentPrompts = (): Promise<string[]> => read(KEY.recentPrompts, z.array(z.string()), []);

export function rememberPrompt(prompt: string): Promise<void> {
  return serial(async () => {
    await figma.clientStorage.setAsync(KEY.recentPrompts, rememberRecent(await getRecentPrompts(), prompt));
  });
}

export const getPanelSize = (): Promise<PanelSize> => read(KEY.panelSize, PanelSizeSchema, DEFAULT_PANEL_SIZE);
export const setPanelSize = (size: PanelSize) => serial(() => figma.clientStorage.setAsync(KEY.panelSize, size));

export const getMonthSpend = async (): Promise<number> => spentThisMonth(await read(KEY.monthSpend, MonthSpendSchema, null), new Date());

/** Adds a run's charged cost to this month's; the reply is the month's total. */
export function recordSpend(usd: number): Promise<number> {
  return serial(async () => {
    const next = addSpend(await read(KEY.monthSpend, MonthSpendSchema, null), usd, new Date());
    await figma.clientStorage.setAsync(KEY.monthSpend, next);
    return next.usd;
  });
}
