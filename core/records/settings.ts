import * as z from 'zod/mini';
import { MAX_FEATHER_PERCENT } from '../composite/areaPlan.ts';
import { OutputOptionsSchema } from '../outputOptions.ts';
import { MAX_RESULTS } from '../runware/tasks.ts';
import { MAX_CONFIRM_ABOVE_USD } from '../spend.ts';

/** Per-user output options, kept in clientStorage; the model page's ranges live here. */
export const SettingsSchema = z.object({
  numberResults: z.int().check(z.gte(1), z.lte(MAX_RESULTS)),
  /** The Riverflow model's id (absent: 1.1 Pro; an id no longer in core/models.ts reads as 1.1 Pro too). */
  model: z.optional(z.string()),
  /** The resolution tier last chosen; a model without it uses its nearest (see carrySize). */
  tier: z.optional(z.enum(['1K', '2K', '4K'])),
  ...OutputOptionsSchema.shape,
  /** "Keep text layers sharp" (absent in settings saved before it existed: off). */
  keepTextSharp: z.optional(z.boolean()),
  /** The area edit's soft edge, % of the area's short side. */
  featherPercent: z.optional(z.int().check(z.gte(0), z.lte(MAX_FEATHER_PERCENT))),
  /** Runs estimated above this many dollars ask before anything is sent (absent: $5). */
  confirmAboveUsd: z.optional(z.int().check(z.gte(0), z.lte(MAX_CONFIRM_ABOVE_USD))),
  /** Upscale factors Runware refused (Clarity's contracts disagree): no longer offered. */
  refusedUpscaleFactors: z.optional(z.array(z.int().check(z.gte(2), z.lte(4)))),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { numberResults: 1, outputFormat: 'PNG', outputQuality: 95, checkContent: false };
