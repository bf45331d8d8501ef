import * as z from 'zod/mini';

/** Runware's `outputQuality` range. */
export const MIN_QUALITY = 20;
export const MAX_QUALITY = 99;

/** What Runware may return an image as (the model page's `outputFormat`); WEBP is turned into PNG for Figma. */
export const OutputFormatSchema = z.enum(['JPG', 'PNG', 'WEBP']);
export type OutputFormat = z.infer<typeof OutputFormatSchema>;

/** The output options a run is made with: kept per user, recorded on each pending run and result. */
export const OutputOptionsSchema = z.object({
  outputFormat: OutputFormatSchema,
  outputQuality: z.int().check(z.gte(MIN_QUALITY), z.lte(MAX_QUALITY)),
  checkContent: z.boolean(),
});
export type OutputOptions = z.infer<typeof OutputOptionsSchema>;
