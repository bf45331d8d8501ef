import type { RiverflowModel } from './models.ts';
import { DEFAULT_THINKING, type OutputOptions } from './outputOptions.ts';

/** The colour a solid background starts with, before the designer picks one. */
export const DEFAULT_BACKGROUND_COLOUR = '#FFFFFF';

/**
 * The options a run on this model is actually made with, from the designer's remembered ones:
 * thinking and background only where the model takes them (a 2.5 draft finished on 2.0 Pro sends
 * neither), and a format with alpha for a transparent background (JPG has none: PNG instead;
 * WEBP is kept and turned into PNG with its alpha when placed). One place for the rule: the
 * tasks, the pending run, the result's provenance and History all read what this returns.
 */
export function runOptions(model: RiverflowModel, options: OutputOptions): OutputOptions {
  const base: OutputOptions = { outputFormat: options.outputFormat, outputQuality: options.outputQuality, checkContent: options.checkContent };
  const choices = model.choices;
  if (!choices) return base;
  const thinking = options.thinking && choices.thinking.includes(options.thinking) ? options.thinking : DEFAULT_THINKING;
  const mode = choices.background ? (options.backgroundMode ?? 'original') : 'original';
  return {
    ...base,
    thinking,
    backgroundMode: mode,
    ...(mode === 'solid' ? { backgroundColor: options.backgroundColor ?? DEFAULT_BACKGROUND_COLOUR } : {}),
    ...(mode === 'transparent' && options.outputFormat === 'JPG' ? { outputFormat: 'PNG' as const } : {}),
  };
}
