import { apiKeyProblem } from './runware/apiKey.ts';
import { DEFAULT_MODEL, type ModelLimits } from './models.ts';

export interface RunInputs {
  readonly apiKey: string;
  readonly prompt: string;
  readonly selected: number;
  /** Names and reasons of selected nodes that cannot be sent. */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /** The chosen model's prompt limits (the default model's when absent). */
  readonly limits?: ModelLimits;
}

/** Why Generate cannot run yet, in the words shown under the button; undefined when it can. */
export function runBlocker(inputs: RunInputs): string | undefined {
  if (inputs.selected === 0) {
    const first = inputs.skipped[0];
    return first
      ? `“${first.name}” ${first.reason}. Select a visible frame, group, component or image.`
      : 'Select a frame, group, component or image on the canvas.';
  }
  const { minPrompt, maxPrompt } = inputs.limits ?? DEFAULT_MODEL.limits;
  if (inputs.prompt.trim().length === 0) return 'Describe the change you want in Prompt.';
  if (inputs.prompt.trim().length < minPrompt) return `The prompt needs at least ${minPrompt} characters (Runware’s limit).`;
  if (inputs.prompt.length > maxPrompt) return `The prompt is ${inputs.prompt.length} characters; Runware takes at most ${maxPrompt}.`;
  if (inputs.apiKey.trim() === '') return 'Add your Runware API key to generate.';
  return apiKeyProblem(inputs.apiKey);
}
