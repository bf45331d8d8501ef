import * as z from 'zod/mini';

/** Runware's `outputQuality` range. */
export const MIN_QUALITY = 20;
export const MAX_QUALITY = 99;

/** What Runware may return an image as (the model page's `outputFormat`); WEBP is turned into PNG for Figma. */
export const OutputFormatSchema = z.enum(['JPG', 'PNG', 'WEBP']);
export type OutputFormat = z.infer<typeof OutputFormatSchema>;

/** Riverflow 2.5's thinking effort (`settings.thinkingLevel`): how many candidates it makes and judges; priced per level. */
export const ThinkingSchema = z.enum(['low', 'medium', 'high']);
export type Thinking = z.infer<typeof ThinkingSchema>;
export const DEFAULT_THINKING: Thinking = 'medium';

/** Riverflow 2.5's `settings.backgroundMode`: a cutout on nothing, or on one colour. */
export const BackgroundModeSchema = z.enum(['original', 'transparent', 'solid']);
export type BackgroundMode = z.infer<typeof BackgroundModeSchema>;
/** The only colour form 2.5's page takes: `#RRGGBB`. */
export const HEX_COLOUR = /^#[0-9A-Fa-f]{6}$/;

/**
 * What a run is made with beyond prompt, model and size: kept per user, recorded on each pending
 * run and result. Thinking and background exist on the models that take them (see runOptions).
 */
export const OutputOptionsSchema = z.object({
  outputFormat: OutputFormatSchema,
  outputQuality: z.int().check(z.gte(MIN_QUALITY), z.lte(MAX_QUALITY)),
  checkContent: z.boolean(),
  thinking: z.optional(ThinkingSchema),
  backgroundMode: z.optional(BackgroundModeSchema),
  backgroundColor: z.optional(z.string().check(z.regex(HEX_COLOUR))),
});
export type OutputOptions = z.infer<typeof OutputOptionsSchema>;
