import { presetLabel, SIZE_PRESETS, type SizePreset } from './sizes.ts';

export interface QuickEdit {
  readonly prompt: string;
  /** The size asked for; undefined means "matched to the frame". */
  readonly preset: SizePreset | undefined;
}

/** The quick action's parameters as Figma hands them over (free text), checked. */
export function readQuickEdit(parameters: { prompt: string; size: string | null }): QuickEdit | string {
  const prompt = parameters.prompt.trim();
  if (!prompt) return 'Riverflow needs a prompt: describe the change you want.';
  if (!parameters.size) return { prompt, preset: undefined };
  const size = parameters.size.trim();
  const preset = SIZE_PRESETS.find((p) => p.name === size || presetLabel(p) === size || p.ratio === size);
  return preset ? { prompt, preset } : `“${size}” is not one of Riverflow’s sizes.`;
}
