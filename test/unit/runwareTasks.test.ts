import { describe, expect, it } from 'vitest';
import { validateInference } from '../../dev/emulator/contract.ts';
import { buildGetResponseTask, buildInferenceTasks, buildUploadTask } from '../../core/runware/tasks.ts';
import { DEFAULT_MODEL } from '../../core/models.ts';
import { isUuidV4 } from '../../core/runware/uuid.ts';
import { uuidV4 } from '../../ui/runware/uuid.ts';
import { findPreset } from '../../core/sizes.ts';

const preset = findPreset(1152, 864)!;
const settings = {
  model: DEFAULT_MODEL.id,
  prompt: '  Make the box deep indigo  ',
  preset,
  references: ['a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'data:image/png;base64,iVBORw0KGgo='],
  outputFormat: 'PNG' as const,
  outputQuality: 90,
  checkContent: false,
};

describe('imageInference task', () => {
  it('carries every field the model page asks for, and nothing else', () => {
    const uuid = uuidV4();
    expect(buildInferenceTasks(settings, [uuid])[0]).toEqual({
      taskType: 'imageInference',
      taskUUID: uuid,
      model: 'sourceful:1@2',
      positivePrompt: 'Make the box deep indigo',
      width: 1152,
      height: 864,
      inputs: { referenceImages: settings.references },
      numberResults: 1,
      outputType: 'base64Data',
      outputFormat: 'PNG',
      outputQuality: 90,
      includeCost: true,
      deliveryMethod: 'async',
    });
    expect(DEFAULT_MODEL.id).toBe('sourceful:1@2');
  });

  it('makes one task per variation, each with its own taskUUID and one result', () => {
    const tasks = buildInferenceTasks(settings, [uuidV4(), uuidV4(), uuidV4()]);
    expect(tasks.map((t) => t.numberResults)).toEqual([1, 1, 1]);
    expect(new Set(tasks.map((t) => t.taskUUID)).size).toBe(3);
  });

  it('adds the safety block only when the check is on', () => {
    expect(buildInferenceTasks({ ...settings, checkContent: true }, [uuidV4()])[0]!.safety).toEqual({ checkContent: true, mode: 'fast' });
  });

  it('passes the emulator’s strict contract check', () => {
    expect(validateInference(buildInferenceTasks(settings, [uuidV4()])[0]! as unknown as Record<string, unknown>)).toBeUndefined();
    expect(validateInference(buildInferenceTasks({ ...settings, checkContent: true }, [uuidV4()])[0]! as unknown as Record<string, unknown>)).toBeUndefined();
  });

  it('makes upload and getResponse tasks', () => {
    expect(buildUploadTask('data:image/png;base64,AAAA', 'u')).toEqual({ taskType: 'imageUpload', taskUUID: 'u', image: 'data:image/png;base64,AAAA' });
    expect(buildGetResponseTask('t')).toEqual({ taskType: 'getResponse', taskUUID: 't' });
  });
});

describe('uuid v4', () => {
  it('is a fresh v4 each time', () => {
    const ids = new Set(Array.from({ length: 500 }, uuidV4));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(isUuidV4(id)).toBe(true);
    expect(isUuidV4('592996f9-2bea-1e3a-b050-df6e7953947d')).toBe(false);
  });
});

describe('emulator contract', () => {
  const ok = () => buildInferenceTasks(settings, [uuidV4()])[0]! as unknown as Record<string, unknown>;
  it.each([
    ['a size not in the table', { width: 1000, height: 1000 }, 'width'],
    ['a model Runware does not host', { model: 'sourceful:9@9' }, 'model'],
    ['outputQuality 19', { outputQuality: 19 }, 'outputQuality'],
    ['outputQuality 100', { outputQuality: 100 }, 'outputQuality'],
    ['numberResults 21', { numberResults: 21 }, 'numberResults'],
    ['numberResults 0', { numberResults: 0 }, 'numberResults'],
    ['ttl 59', { ttl: 59 }, 'ttl'],
    ['an unknown parameter', { steps: 30 }, 'steps'],
    ['no references', { inputs: { referenceImages: [] } }, 'inputs.referenceImages'],
    ['11 references', { inputs: { referenceImages: Array(11).fill('data:image/png;base64,AAAA') } }, 'inputs.referenceImages'],
    ['a reference that is none of the 4 kinds', { inputs: { referenceImages: ['hello world'] } }, 'inputs.referenceImages'],
    ['a taskUUID that is not v4', { taskUUID: '1234' }, 'taskUUID'],
    ['an empty prompt', { positivePrompt: ' ' }, 'positivePrompt'],
  ])('rejects %s', (_what, patch, parameter) => {
    expect(validateInference({ ...ok(), ...patch })?.parameter).toBe(parameter);
  });

  it.each(['positivePrompt', 'model', 'width', 'height', 'taskUUID'])('requires %s', (field) => {
    const t = ok();
    delete t[field];
    expect(validateInference(t)?.code).toMatch(/^missing/);
  });

  it('accepts ttl 60 and base64 or URL references', () => {
    expect(validateInference({ ...ok(), ttl: 60, inputs: { referenceImages: ['iVBORw0KGgoAAAANSUhEUgAA', 'https://example.com/a.png'] } })).toBeUndefined();
  });
});

describe('upscale task (Clarity, runware:500@1)', () => {
  it('upscales a result by its own imageUUID, async, inline, and passes the emulator’s contract', async () => {
    const { buildUpscaleTask } = await import('../../core/runware/tasks.ts');
    const { validateUpscale } = await import('../../dev/emulator/contract.ts');
    const task = buildUpscaleTask('a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 2, uuidV4());
    expect(task).toMatchObject({
      taskType: 'upscale',
      model: 'runware:500@1',
      upscaleFactor: 2,
      inputs: { image: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' },
      deliveryMethod: 'async',
      outputType: 'base64Data',
    });
    expect(validateUpscale(task as unknown as Record<string, unknown>)).toBeUndefined();
    expect(validateUpscale({ ...task, upscaleFactor: 5 })).toMatchObject({ parameter: 'upscaleFactor' });
    expect(validateUpscale({ ...task, numberResults: 2 })).toMatchObject({ code: 'unsupportedParameter', parameter: 'numberResults' });
    expect(validateUpscale({ ...task, inputs: {} })).toMatchObject({ parameter: 'inputs.image' });
  });
});

describe('emulator contract, per Riverflow model', () => {
  const FAST = 'sourceful:riverflow-2.0@fast';
  const PRO2 = 'sourceful:riverflow-2.0@pro';
  const task = (model: string, width: number, height: number, refs = 1) =>
    ({
      ...buildInferenceTasks({ ...settings, model, preset: { name: 'x', ratio: 'x', tier: '1K', width, height } }, [uuidV4()])[0]!,
      inputs: { referenceImages: Array(refs).fill('data:image/png;base64,AAAA') },
    }) as unknown as Record<string, unknown>;

  it.each([
    ['1.1 Pro', 'sourceful:1@2', 1152, 896],
    ['1.1', 'sourceful:1@1', 648, 1512],
    ['1.1 Mini', 'sourceful:1@0', 1512, 648],
    ['2.0 Fast at 1K', FAST, 1120, 896],
    ['2.0 Fast at 2K', FAST, 3024, 1296],
    ['2.0 Pro at 4K', PRO2, 6048, 2592],
  ])('takes %s at %ix%i', (_what, model, w, h) => {
    expect(validateInference(task(model, w, h))).toBeUndefined();
  });

  it.each([
    ['5:4 on 1.1 Pro (a 2.0 ratio)', 'sourceful:1@2', 1120, 896, 'invalidDimensions'],
    ['2K on 1.1 (1K only)', 'sourceful:1@1', 2048, 2048, 'invalidDimensions'],
    ['3:7 on 2.0 Fast (a 1.x ratio)', FAST, 648, 1512, 'invalidDimensions'],
    ['9:7 on 2.0 Pro', PRO2, 1152, 896, 'invalidDimensions'],
    ['4K on 2.0 Fast (Pro only)', FAST, 4096, 4096, 'invalidDimensions'],
  ])('refuses %s in Runware’s error shape', (_what, model, w, h, code) => {
    expect(validateInference(task(model, w, h))).toEqual({
      code,
      message: `${w}x${h} is not a supported size for ${model}.`,
      parameter: 'width',
    });
  });

  it('refuses a fifth reference on 2.0 Fast and an eleventh on 2.0 Pro, takes four and ten', () => {
    expect(validateInference(task(FAST, 1024, 1024, 4))).toBeUndefined();
    expect(validateInference(task(FAST, 1024, 1024, 5))).toMatchObject({ code: 'invalidReferenceImages', parameter: 'inputs.referenceImages' });
    expect(validateInference(task(PRO2, 1024, 1024, 10))).toBeUndefined();
    expect(validateInference(task(PRO2, 1024, 1024, 11))).toMatchObject({ parameter: 'inputs.referenceImages' });
  });

  it('refuses `resolution` beside width and height (Riverflow 2.5’s page: not together), on every model', () => {
    expect(validateInference({ ...task(PRO2, 4608, 3456), resolution: '4K' })).toMatchObject({ code: 'unsupportedParameter', parameter: 'resolution' });
  });
});
