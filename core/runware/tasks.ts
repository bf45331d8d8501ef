import type { SizePreset } from '../sizes.ts';

export const RIVERFLOW_MODEL = 'sourceful:1@2';
export const MAX_REFERENCES = 10;
export const MAX_RESULTS = 20;
export const MIN_QUALITY = 20;
export const MAX_QUALITY = 99;
/**
 * Runware publishes no prompt limit for this model; 3000 characters is a stated limit
 * of ours (the model page's own examples run to ~900) that keeps requests small.
 */
export const MAX_PROMPT_LENGTH = 3000;

export type OutputFormat = 'JPG' | 'PNG' | 'WEBP';

export interface InferenceSettings {
  readonly prompt: string;
  readonly preset: SizePreset;
  /** UUIDs of uploaded images, URLs or data URIs; the first is the base composition. */
  readonly references: readonly string[];
  readonly numberResults: number;
  readonly outputFormat: OutputFormat;
  readonly outputQuality: number;
  readonly checkContent: boolean;
}

export interface ImageInferenceTask {
  taskType: 'imageInference';
  taskUUID: string;
  model: string;
  positivePrompt: string;
  width: number;
  height: number;
  inputs: { referenceImages: string[] };
  numberResults: number;
  outputType: 'URL';
  outputFormat: OutputFormat;
  outputQuality: number;
  includeCost: true;
  deliveryMethod: 'async';
  safety?: { checkContent: true; mode: 'fast' };
}

/**
 * The one imageInference task per click. Async delivery so a slow generation never
 * holds an HTTP request open; URL output so repeated polls stay small.
 */
export function buildInferenceTask(settings: InferenceSettings, taskUUID: string): ImageInferenceTask {
  const task: ImageInferenceTask = {
    taskType: 'imageInference',
    taskUUID,
    model: RIVERFLOW_MODEL,
    positivePrompt: settings.prompt.trim(),
    width: settings.preset.width,
    height: settings.preset.height,
    inputs: { referenceImages: [...settings.references] },
    numberResults: settings.numberResults,
    outputType: 'URL',
    outputFormat: settings.outputFormat,
    outputQuality: settings.outputQuality,
    includeCost: true,
    deliveryMethod: 'async',
  };
  if (settings.checkContent) task.safety = { checkContent: true, mode: 'fast' };
  return task;
}

export function buildUploadTask(dataUri: string, taskUUID: string) {
  return { taskType: 'imageUpload' as const, taskUUID, image: dataUri };
}

export function buildGetResponseTask(taskUUID: string) {
  return { taskType: 'getResponse' as const, taskUUID };
}

export function buildAuthenticationTask(apiKey: string) {
  return { taskType: 'authentication' as const, apiKey };
}
