import type { SizePreset } from '../sizes.ts';
import type { BackgroundMode, OutputFormat, Thinking } from '../outputOptions.ts';
import type { RubricItem } from '../runOptions.ts';

/** The most references any Riverflow model reads (each model's own limit is in core/models.ts). */
export const MAX_REFERENCES = 10;
export const MAX_RESULTS = 20;
export interface InferenceSettings {
  /** A Riverflow model's id (core/models.ts). */
  readonly model: string;
  readonly prompt: string;
  readonly preset: SizePreset;
  /** UUIDs of uploaded images, URLs or data URIs; the first is the base composition. */
  readonly references: readonly string[];
  readonly outputFormat: OutputFormat;
  readonly outputQuality: number;
  readonly checkContent: boolean;
  /** Riverflow 2.5's choices, present only on a model that takes them (core/runOptions.ts decides). */
  readonly thinking?: Thinking;
  readonly backgroundMode?: BackgroundMode;
  readonly backgroundColor?: string;
  /** 2.5's judge: what it scores its candidates against (core/runOptions.ts protectionRubric). */
  readonly scoringRubric?: readonly RubricItem[];
}

/** Riverflow 2.5's `settings` object (its page and Runware's SDK types); never `resolution` beside width and height. */
export interface RiverflowSettings {
  thinkingLevel?: Thinking;
  backgroundMode?: BackgroundMode;
  backgroundColor?: string;
  scoringRubric?: RubricItem[];
}

export interface ImageInferenceTask {
  taskType: 'imageInference';
  taskUUID: string;
  model: string;
  positivePrompt: string;
  width: number;
  height: number;
  inputs: { referenceImages: string[] };
  numberResults: 1;
  outputType: 'base64Data';
  outputFormat: OutputFormat;
  outputQuality: number;
  includeCost: true;
  deliveryMethod: 'async';
  safety?: { checkContent: true; mode: 'fast' };
  settings?: RiverflowSettings;
}

/**
 * One imageInference task per variation (numberResults 1), all sent in one request.
 * Async delivery, so a slow generation never holds a request open; the image inline
 * (base64Data), so a result never depends on the image host's CORS; one task per image,
 * so a finished image stops being polled (and never comes twice) while others run on.
 */
export function buildInferenceTasks(settings: InferenceSettings, taskUUIDs: readonly string[]): ImageInferenceTask[] {
  return taskUUIDs.map((taskUUID) => buildInferenceTask(settings, taskUUID));
}

function buildInferenceTask(settings: InferenceSettings, taskUUID: string): ImageInferenceTask {
  const task: ImageInferenceTask = {
    taskType: 'imageInference',
    taskUUID,
    model: settings.model,
    positivePrompt: settings.prompt.trim(),
    width: settings.preset.width,
    height: settings.preset.height,
    inputs: { referenceImages: [...settings.references] },
    numberResults: 1,
    outputType: 'base64Data',
    outputFormat: settings.outputFormat,
    outputQuality: settings.outputQuality,
    includeCost: true,
    deliveryMethod: 'async',
  };
  if (settings.checkContent) task.safety = { checkContent: true, mode: 'fast' };
  if (settings.thinking || settings.backgroundMode) {
    task.settings = {
      ...(settings.thinking ? { thinkingLevel: settings.thinking } : {}),
      ...(settings.backgroundMode ? { backgroundMode: settings.backgroundMode } : {}),
      ...(settings.backgroundMode === 'solid' && settings.backgroundColor ? { backgroundColor: settings.backgroundColor } : {}),
      ...(settings.scoringRubric?.length ? { scoringRubric: settings.scoringRubric.map((item) => ({ ...item })) } : {}),
    };
  }
  return task;
}

export function buildUploadTask(dataUri: string, taskUUID: string) {
  return { taskType: 'imageUpload' as const, taskUUID, image: dataUri };
}

export function buildGetResponseTask(taskUUID: string) {
  return { taskType: 'getResponse' as const, taskUUID };
}

/** Over WebSocket: the first message; with the old session's UUID it resumes that session. */
export function buildAuthenticationTask(apiKey: string, connectionSessionUUID?: string) {
  return { taskType: 'authentication' as const, apiKey, ...(connectionSessionUUID ? { connectionSessionUUID } : {}) };
}

/** Runware's WebSocket keep-alive: answered with `{taskType: "ping", pong: true}`. */
export const PING_TASK = { taskType: 'ping', ping: true } as const;

/** Runware's Clarity upscaler: documented with async delivery and getResponse, as edits use. */
export const UPSCALE_MODEL = 'runware:500@1';
export const UPSCALE_FACTORS = [2, 3, 4] as const;

export interface UpscaleTask {
  taskType: 'upscale';
  taskUUID: string;
  model: typeof UPSCALE_MODEL;
  upscaleFactor: number;
  inputs: { image: string };
  outputType: 'base64Data';
  outputFormat: 'PNG';
  includeCost: true;
  deliveryMethod: 'async';
}

/** Upscales an image Runware already has (a result's own imageUUID): nothing is uploaded. */
export function buildUpscaleTask(imageUUID: string, upscaleFactor: number, taskUUID: string): UpscaleTask {
  return {
    taskType: 'upscale',
    taskUUID,
    model: UPSCALE_MODEL,
    upscaleFactor,
    inputs: { image: imageUUID },
    outputType: 'base64Data',
    outputFormat: 'PNG',
    includeCost: true,
    deliveryMethod: 'async',
  };
}
