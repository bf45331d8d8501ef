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

/** One item of 2.5's `settings.scoringRubric` (Runware's scoring-rubric guide): what its judge scores candidates against. */
export interface RubricItem {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly weight: number;
}

/**
 * On a model with a judge (2.5), the frame's protected layers are told to it too, so it prefers
 * candidates that keep them; they are given back exactly in any case. Nothing on other models.
 */
export function protectionRubric(model: RiverflowModel, protectedNames: readonly string[]): RubricItem[] | undefined {
  if (!model.choices || protectedNames.length === 0) return undefined;
  const names = protectedNames.slice(0, 10).map((n) => `“${n}”`);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return [
    {
      key: 'protected_layers',
      label: 'Protected layers unchanged',
      description: `${list} ${names.length === 1 ? 'is' : 'are'} unchanged in position, shape and colour.`,
      weight: 1,
    },
  ];
}
