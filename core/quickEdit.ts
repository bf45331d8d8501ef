import { DEFAULT_MODEL, type RiverflowModel } from './models.ts';
import { presetLabel, type SizePreset, type Tier } from './sizes.ts';

export interface QuickEdit {
  readonly prompt: string;
  /** The size asked for; undefined means "matched to the frame". */
  readonly preset: SizePreset | undefined;
}

/**
 * The quick action's parameters as Figma hands them over (free text), checked against the
 * remembered model's sizes. A bare ratio ("4:3") is read at the remembered tier.
 */
export function readQuickEdit(parameters: { prompt: string; size: string | null }, model: RiverflowModel = DEFAULT_MODEL, tier?: Tier): QuickEdit | string {
  const prompt = parameters.prompt.trim();
  if (!prompt) return 'Riverflow needs a prompt: describe the change you want.';
  if (!parameters.size) return { prompt, preset: undefined };
  const size = parameters.size.trim();
  const byRatio = model.sizes.filter((p) => p.ratio === size);
  const preset =
    model.sizes.find((p) => p.name === size || presetLabel(p) === size || presetLabel(p) === `${p.tier} · ${size}`) ??
    byRatio.find((p) => p.tier === tier) ??
    byRatio[0];
  return preset ? { prompt, preset } : `“${size}” is not one of ${model.name}’s sizes.`;
}
