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
  'settings',
]);

const SETTINGS_FIELDS = new Set(['thinkingLevel', 'backgroundMode', 'backgroundColor', 'scoringPrompt', 'scoringRubric', 'enhancePrompt']);
const HEX_COLOUR = /^#[0-9A-Fa-f]{6}$/;

/** One item of 2.5's `scoringRubric` (Runware's scoring-rubric guide and sdk-python's types). */
function rubricItemProblem(item: unknown, at: string): EmuError | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return invalid(at, 'must be an object');
  const r = item as Record<string, unknown>;
  for (const key of ['key', 'label', 'description'])
    if (typeof r[key] !== 'string' || (r[key] as string).trim() === '') return invalid(`${at}.${key}`, 'must be a non-empty string');
  if (typeof r.weight !== 'number' || !(r.weight > 0)) return invalid(`${at}.weight`, 'must be a number above 0');
  if (r.passingScore !== undefined && (typeof r.passingScore !== 'number' || r.passingScore < 0 || r.passingScore > 1))
    return invalid(`${at}.passingScore`, 'must be from 0 to 1');
  return undefined;
}

/**
 * Riverflow 2.5's `settings` (its page and Runware's SDK types): thinking effort, background,
 * the judge's prompt or rubric, prompt enhancement. A solid background needs its colour; a
 * transparent one needs a format with alpha (JPG, Runware's default format, has none).
 */
function settingsProblem(task: Record<string, unknown>, thinking: readonly string[] | undefined, modelName: string): EmuError | undefined {
  if (task.settings === undefined) return undefined;
  if (!thinking) return { code: 'unsupportedParameter', message: `Parameter 'settings' is not supported by ${modelName}.`, parameter: 'settings' };
  const s = task.settings as Record<string, unknown>;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return invalid('settings', 'must be an object');
  for (const key of Object.keys(s))
    if (!SETTINGS_FIELDS.has(key))
      return { code: 'unsupportedParameter', message: `Parameter 'settings.${key}' is not supported.`, parameter: `settings.${key}` };
  if (s.thinkingLevel !== undefined && !thinking.includes(s.thinkingLevel as string))
    return invalid('settings.thinkingLevel', `must be ${thinking.join(', ')} on ${modelName}`);
  if (s.backgroundMode !== undefined && !['original', 'transparent', 'solid'].includes(s.backgroundMode as string))
    return invalid('settings.backgroundMode', 'must be original, transparent or solid');
  if (s.backgroundColor !== undefined && (typeof s.backgroundColor !== 'string' || !HEX_COLOUR.test(s.backgroundColor)))
    return invalid('settings.backgroundColor', 'must be a colour as #RRGGBB');
  if (s.backgroundMode === 'solid' && s.backgroundColor === undefined) return missing('settings.backgroundColor');
  if (s.backgroundMode === 'transparent' && task.outputFormat !== 'PNG' && task.outputFormat !== 'WEBP')
    return invalid('outputFormat', 'a transparent background needs PNG or WEBP');
  if (s.scoringPrompt !== undefined && (typeof s.scoringPrompt !== 'string' || s.scoringPrompt.trim() === ''))
    return invalid('settings.scoringPrompt', 'must be a non-empty string');
  if (s.scoringRubric !== undefined) {
    if (!Array.isArray(s.scoringRubric) || s.scoringRubric.length < 1 || s.scoringRubric.length > 8)
      return invalid('settings.scoringRubric', 'must be an array of 1 to 8 items');
    for (const [i, item] of s.scoringRubric.entries()) {
      const problem = rubricItemProblem(item, `settings.scoringRubric.${i}`);
      if (problem) return problem;
    }
  }
  if (s.enhancePrompt !== undefined && typeof s.enhancePrompt !== 'boolean') return invalid('settings.enhancePrompt', 'must be a boolean');
  return undefined;
}

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
/** The output fields every image task shares (inference and upscale pages alike). */
function outputProblem(task: Record<string, unknown>): EmuError | undefined {
  if (task.outputType !== undefined && !['URL', 'base64Data', 'dataURI'].includes(task.outputType as string))
    return invalid('outputType', 'must be URL, base64Data or dataURI');
  if (task.outputFormat !== undefined && !['JPG', 'PNG', 'WEBP'].includes(task.outputFormat as string))
    return invalid('outputFormat', 'must be JPG, PNG or WEBP');
  if (task.outputQuality !== undefined && (!isInt(task.outputQuality) || task.outputQuality < 20 || task.outputQuality > 99))
    return invalid('outputQuality', 'must be an integer from 20 to 99');
  return undefined;
}

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
  const model = typeof task.model === 'string' ? EMULATED_MODELS.get(task.model) : undefined;
  // 2.5's page: `resolution` cannot be used together with width and height.
  if (model?.thinking && task.resolution !== undefined && (task.width !== undefined || task.height !== undefined))
    return invalid('resolution', 'cannot be used together with width and height');
  for (const key of Object.keys(task)) {
    if (!INFERENCE_FIELDS.has(key)) return { code: 'unsupportedParameter', message: `Parameter '${key}' is not supported by ${modelName}.`, parameter: key };
  }
  if (task.taskUUID === undefined) return missing('taskUUID');
  if (typeof task.taskUUID !== 'string' || !isUuidV4(task.taskUUID)) return invalid('taskUUID', 'must be a UUID v4');
  if (task.model === undefined) return missing('model');
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
  const output = outputProblem(task);
  if (output) return output;
  if (task.numberResults !== undefined && (!isInt(task.numberResults) || task.numberResults < 1 || task.numberResults > 20))
    return invalid('numberResults', 'must be an integer from 1 to 20');
  if (task.ttl !== undefined && (!isInt(task.ttl) || task.ttl < 60)) return invalid('ttl', 'must be an integer of at least 60');
  if (task.deliveryMethod !== undefined && !['sync', 'async'].includes(task.deliveryMethod as string))
    return invalid('deliveryMethod', 'must be sync or async');
  if (task.includeCost !== undefined && typeof task.includeCost !== 'boolean') return invalid('includeCost', 'must be a boolean');
  if (task.webhookURL !== undefined && !isUri(task.webhookURL)) return invalid('webhookURL', 'must be a URI');
  if (task.uploadEndpoint !== undefined && !isUri(task.uploadEndpoint)) return invalid('uploadEndpoint', 'must be a URI');
  const settings = settingsProblem(task, model.thinking, modelName);
  if (settings) return settings;
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
  const output = outputProblem(task);
  if (output) return output;
  if (task.deliveryMethod !== undefined && !['sync', 'async'].includes(task.deliveryMethod as string))
    return invalid('deliveryMethod', 'must be sync or async');
  if (task.includeCost !== undefined && typeof task.includeCost !== 'boolean') return invalid('includeCost', 'must be a boolean');
  return undefined;
}
