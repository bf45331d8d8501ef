import * as z from 'zod/mini';
import { MAX_QUALITY, MAX_RESULTS, MIN_QUALITY } from './runware/tasks.ts';

/**
 * Per-user output options, kept in clientStorage. The ranges of the model page are checked
 * by `settingsInRange`, by hand: zod's checks would cost the main bundle a quarter KB.
 */
export const SettingsSchema = z.object({
  numberResults: z.number(),
  outputFormat: z.union([z.literal('JPG'), z.literal('PNG'), z.literal('WEBP')]),
  outputQuality: z.number(),
  checkContent: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

const within = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

export function settingsInRange(s: Settings): boolean {
  return within(s.numberResults, 1, MAX_RESULTS) && within(s.outputQuality, MIN_QUALITY, MAX_QUALITY);
}

export const DEFAULT_SETTINGS: Settings = { numberResults: 1, outputFormat: 'PNG', outputQuality: 95, checkContent: false };

/**
 * A task Runware may be working on, written before submitting and removed once every
 * result is placed: what lets a closed plugin recover a paid result on the next start.
 */
export const PendingTaskSchema = z.object({
  taskUUID: z.string(),
  prompt: z.string(),
  width: z.number(),
  height: z.number(),
  numberResults: z.number(),
  sourceNodeIds: z.array(z.string()),
  createdAt: z.number(),
  placedImageUUIDs: z.array(z.string()),
  /** Where each result goes, fixed when the first one arrives so later ones fill the same grid. */
  slots: z.optional(z.array(z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }))),
  /** Set once Runware acknowledged the task: before that, recovery must not assume a charge. */
  accepted: z.boolean(),
});
export type PendingTask = z.infer<typeof PendingTaskSchema>;

/** Uploaded references by content hash: a bounded list (z.record would cost the main bundle 0.5 KB). */
export const UploadCacheSchema = z.array(z.object({ hash: z.string(), imageUUID: z.string(), usedAt: z.number() }));
export type UploadCache = z.infer<typeof UploadCacheSchema>;

/** Provenance stored in plugin data on every placed result. */
export const ProvenanceSchema = z.object({
  prompt: z.string(),
  model: z.string(),
  width: z.number(),
  height: z.number(),
  taskUUID: z.string(),
  imageUUID: z.string(),
  seed: z.optional(z.number()),
  cost: z.optional(z.number()),
  sourceNodeId: z.string(),
  createdAt: z.number(),
  index: z.number(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;
