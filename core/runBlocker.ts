import { apiKeyProblem } from './runware/apiKey.ts';
import { MAX_PROMPT_LENGTH, MIN_PROMPT_LENGTH } from './runware/tasks.ts';

export interface RunInputs {
  readonly apiKey: string;
  readonly prompt: string;
  readonly selected: number;
  /** Names and reasons of selected nodes that cannot be sent. */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
}

/** Why Generate cannot run yet, in the words shown under the button; undefined when it can. */
export function runBlocker(inputs: RunInputs): string | undefined {
  if (inputs.selected === 0) {
    const first = inputs.skipped[0];
    return first
      ? `“${first.name}” ${first.reason}. Select a visible frame, group, component or image.`
      : 'Select a frame, group, component or image on the canvas.';
  }
  if (inputs.prompt.trim().length === 0) return 'Describe the change you want in Prompt.';
  if (inputs.prompt.trim().length < MIN_PROMPT_LENGTH) return `The prompt needs at least ${MIN_PROMPT_LENGTH} characters (Runware’s limit).`;
  if (inputs.prompt.length > MAX_PROMPT_LENGTH) return `The prompt is ${inputs.prompt.length} characters; Runware takes at most ${MAX_PROMPT_LENGTH}.`;
  if (inputs.apiKey.trim() === '') return 'Add your Runware API key to generate.';
  return apiKeyProblem(inputs.apiKey);
}
