import { isUuidV4 } from '../../core/runware/uuid.ts';
import { EMULATED_MODELS } from './models.ts';

/** Runware's error item: `{code, message, parameter, taskUUID, taskType}`. */
export interface EmuError {
  code: string;
  message: string;
  parameter?: string;
  taskUUID?: string;
  taskType?: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const missing = (parameter: string): EmuError => ({
  code: `missing${cap(parameter.split('.').pop()!)}`,
  message: `Missing required parameter '${parameter}'.`,
  parameter,
});
const invalid = (parameter: string, why: string): EmuError => ({
  code: `invalid${cap(parameter.split('.').pop()!)}`,
  message: `Invalid value for '${parameter}': ${why}.`,
  parameter,
});

const INFERENCE_FIELDS = new Set([
  'taskType',
  'taskUUID',
  'outputType',
  'outputFormat',
  'outputQuality',
  'webhookURL',
  'deliveryMethod',
  'uploadEndpoint',
  'safety',
  'ttl',
  'includeCost',
  'numberResults',
  'inputs',
  'model',
  'positivePrompt',
  'width',
  'height',
]);

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isUri = (v: unknown) => {
  if (typeof v !== 'string') return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
};
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export type ReferenceKind = 'uuid' | 'url' | 'dataURI' | 'base64';

/** How a referenceImages entry is written, per the model page: UUID, URL, data URI or base64. */
export function referenceKind(ref: string): ReferenceKind | undefined {
  if (isUuidV4(ref)) return 'uuid';
  if (/^data:image\/[a-z+]+;base64,/i.test(ref)) return 'dataURI';
  if (/^https?:\/\//i.test(ref) && isUri(ref)) return 'url';
  if (ref.length >= 16 && ref.length % 4 === 0 && BASE64.test(ref)) return 'base64';
  return undefined;
}

/**
 * Checks an imageInference task against its Riverflow model's page, field by field (the
 * fields all Riverflow pages share; sizes and reference counts per model, see models.ts).
 * Returns the first problem in Runware's error shape, or undefined.
 */
export function validateInference(task: Record<string, unknown>): EmuError | undefined {
  const modelName = typeof task.model === 'string' ? task.model : 'this model';
  for (const key of Object.keys(task)) {
    if (!INFERENCE_FIELDS.has(key)) return { code: 'unsupportedParameter', message: `Parameter '${key}' is not supported by ${modelName}.`, parameter: key };
  }
  if (task.taskUUID === undefined) return missing('taskUUID');
  if (typeof task.taskUUID !== 'string' || !isUuidV4(task.taskUUID)) return invalid('taskUUID', 'must be a UUID v4');
  if (task.model === undefined) return missing('model');
  const model = typeof task.model === 'string' ? EMULATED_MODELS.get(task.model) : undefined;
  if (!model) return invalid('model', `this emulator serves ${[...EMULATED_MODELS.keys()].join(', ')} only`);
  if (task.positivePrompt === undefined) return missing('positivePrompt');
  if (typeof task.positivePrompt !== 'string' || task.positivePrompt.trim() === '') return invalid('positivePrompt', 'must be a non-empty string');
  // The only published bound (Runware's SDK docs for positivePrompt).
  if (task.positivePrompt.length < 4 || task.positivePrompt.length > 2000) return invalid('positivePrompt', 'must be 4 to 2000 characters');
  if (task.width === undefined) return missing('width');
  if (task.height === undefined) return missing('height');
  if (!isInt(task.width)) return invalid('width', 'must be an integer');
  if (!isInt(task.height)) return invalid('height', 'must be an integer');
  if (!model.sizes.has(`${task.width}x${task.height}`)) {
    return { code: 'invalidDimensions', message: `${task.width}x${task.height} is not a supported size for ${modelName}.`, parameter: 'width' };
  }
  const inputs = task.inputs as { referenceImages?: unknown } | undefined;
  if (inputs === undefined || inputs.referenceImages === undefined) return missing('inputs.referenceImages');
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) return invalid('inputs', 'must be an object');
  for (const key of Object.keys(inputs))
    if (key !== 'referenceImages') return { code: 'unsupportedParameter', message: `Parameter 'inputs.${key}' is not supported.`, parameter: `inputs.${key}` };
  const refs = inputs.referenceImages;
  if (!Array.isArray(refs) || refs.length < 1 || refs.length > model.maxReferences)
    return invalid('inputs.referenceImages', `must be an array of 1 to ${model.maxReferences} images for ${modelName}`);
  for (const ref of refs) {
    if (typeof ref !== 'string' || !referenceKind(ref)) return invalid('inputs.referenceImages', 'each image must be a UUID, URL, data URI or base64 string');
  }
  if (task.outputType !== undefined && !['URL', 'base64Data', 'dataURI'].includes(task.outputType as string))
    return invalid('outputType', 'must be URL, base64Data or dataURI');
  if (task.outputFormat !== undefined && !['JPG', 'PNG', 'WEBP'].includes(task.outputFormat as string))
    return invalid('outputFormat', 'must be JPG, PNG or WEBP');
  if (task.outputQuality !== undefined && (!isInt(task.outputQuality) || task.outputQuality < 20 || task.outputQuality > 99))
    return invalid('outputQuality', 'must be an integer from 20 to 99');
  if (task.numberResults !== undefined && (!isInt(task.numberResults) || task.numberResults < 1 || task.numberResults > 20))
    return invalid('numberResults', 'must be an integer from 1 to 20');
  if (task.ttl !== undefined && (!isInt(task.ttl) || task.ttl < 60)) return invalid('ttl', 'must be an integer of at least 60');
  if (task.deliveryMethod !== undefined && !['sync', 'async'].includes(task.deliveryMethod as string))
    return invalid('deliveryMethod', 'must be sync or async');
  if (task.includeCost !== undefined && typeof task.includeCost !== 'boolean') return invalid('includeCost', 'must be a boolean');
  if (task.webhookURL !== undefined && !isUri(task.webhookURL)) return invalid('webhookURL', 'must be a URI');
  if (task.uploadEndpoint !== undefined && !isUri(task.uploadEndpoint)) return invalid('uploadEndpoint', 'must be a URI');
  if (task.safety !== undefined) {
    const s = task.safety as Record<string, unknown>;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) return invalid('safety', 'must be an object');
    for (const key of Object.keys(s))
      if (key !== 'checkContent' && key !== 'mode')
        return { code: 'unsupportedParameter', message: `Parameter 'safety.${key}' is not supported.`, parameter: `safety.${key}` };
    if (s.checkContent !== undefined && typeof s.checkContent !== 'boolean') return invalid('safety.checkContent', 'must be a boolean');
    if (s.mode !== undefined && !['none', 'fast'].includes(s.mode as string)) return invalid('safety.mode', 'must be none or fast');
  }
  return undefined;
}

const UPSCALE_FIELDS = new Set([
  'taskType',
  'taskUUID',
  'model',
  'upscaleFactor',
  'inputs',
  'settings',
  'outputType',
  'outputFormat',
  'outputQuality',
  'webhookURL',
  'deliveryMethod',
  'includeCost',
  'ttl',
]);

/** Checks an `upscale` task against the Clarity model page (runware:500@1), field by field. */
export function validateUpscale(task: Record<string, unknown>): EmuError | undefined {
  for (const key of Object.keys(task)) {
    if (!UPSCALE_FIELDS.has(key)) return { code: 'unsupportedParameter', message: `Parameter '${key}' is not supported by runware:500@1.`, parameter: key };
  }
  if (task.taskUUID === undefined) return missing('taskUUID');
  if (typeof task.taskUUID !== 'string' || !isUuidV4(task.taskUUID)) return invalid('taskUUID', 'must be a UUID v4');
  if (task.model === undefined) return missing('model');
  if (task.model !== 'runware:500@1') return invalid('model', 'this emulator upscales with runware:500@1 only');
  if (task.upscaleFactor === undefined) return missing('upscaleFactor');
  if (!isInt(task.upscaleFactor) || task.upscaleFactor < 2 || task.upscaleFactor > 4) return invalid('upscaleFactor', 'must be 2, 3 or 4');
  const inputs = task.inputs as { image?: unknown } | undefined;
  if (inputs === undefined || inputs.image === undefined) return missing('inputs.image');
  for (const key of Object.keys(inputs))
    if (key !== 'image') return { code: 'unsupportedParameter', message: `Parameter 'inputs.${key}' is not supported.`, parameter: `inputs.${key}` };
  if (typeof inputs.image !== 'string' || !referenceKind(inputs.image)) return invalid('inputs.image', 'must be a UUID, URL, data URI or base64 string');
  if (task.outputType !== undefined && !['URL', 'base64Data', 'dataURI'].includes(task.outputType as string))
    return invalid('outputType', 'must be URL, base64Data or dataURI');
  if (task.outputFormat !== undefined && !['JPG', 'PNG', 'WEBP'].includes(task.outputFormat as string))
    return invalid('outputFormat', 'must be JPG, PNG or WEBP');
  if (task.outputQuality !== undefined && (!isInt(task.outputQuality) || task.outputQuality < 20 || task.outputQuality > 99))
    return invalid('outputQuality', 'must be an integer from 20 to 99');
  if (task.deliveryMethod !== undefined && !['sync', 'async'].includes(task.deliveryMethod as string))
    return invalid('deliveryMethod', 'must be sync or async');
  if (task.includeCost !== undefined && typeof task.includeCost !== 'boolean') return invalid('includeCost', 'must be a boolean');
  return undefined;
}
