import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp, { type Sharp } from 'sharp';
import { validateInference } from '../../dev/emulator/contract.ts';
import { imageCost } from '../../dev/emulator/models.ts';
import { EMULATOR_API_KEY, startEmulator, type Emulator } from '../../dev/emulator/server.ts';
import { uuidV4 } from '../../ui/runware/uuid.ts';

const MODEL = 'sourceful:riverflow-2.5@fast';
const REF = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA';
/** A 2.5 Fast task as its page writes one, written here by hand: the plugin's builder is tested against it elsewhere. */
const task = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  taskType: 'imageInference',
  taskUUID: uuidV4(),
  model: MODEL,
  positivePrompt: 'the bottle on its own',
  width: 1024,
  height: 768,
  inputs: { referenceImages: [REF] },
  outputFormat: 'PNG',
  ...over,
});

describe('Riverflow 2.5 Fast’s contract, as the emulator reads its page', () => {
  it.each([
    ['21:9 at 1K', 1344, 576],
    ['9:16 at 2K', 1152, 2048],
    ['5:4 at 1K', 960, 768],
  ])('takes its own sizes (%s)', (_what, width, height) => {
    expect(validateInference(task({ width, height }))).toBeUndefined();
  });

  it.each([
    ['2.0’s 5:4', 1120, 896],
    ['2.0’s 16:9', 1280, 720],
    ['4K, which Fast does not offer', 4096, 4096],
  ])('refuses %s', (_what, width, height) => {
    expect(validateInference(task({ width, height }))).toMatchObject({ code: 'invalidDimensions', parameter: 'width' });
  });

  it('takes every documented setting, and refuses the wrong ones by name', () => {
    const rubric = [{ key: 'barcode', label: 'Barcode', description: 'The barcode is unchanged', weight: 1, passingScore: 0.8 }];
    expect(
      validateInference(
        task({
          settings: {
            thinkingLevel: 'high',
            backgroundMode: 'solid',
            backgroundColor: '#A0B1c2',
            scoringPrompt: 'keep it',
            scoringRubric: rubric,
            enhancePrompt: false,
          },
        }),
      ),
    ).toBeUndefined();
    const refused = (settings: unknown, over: Record<string, unknown> = {}) => validateInference(task({ settings, ...over }))?.parameter;
    expect(refused({ thinkingLevel: 'xhigh' })).toBe('settings.thinkingLevel');
    expect(refused({ backgroundMode: 'blur' })).toBe('settings.backgroundMode');
    expect(refused({ backgroundMode: 'solid' })).toBe('settings.backgroundColor');
    expect(refused({ backgroundMode: 'solid', backgroundColor: 'red' })).toBe('settings.backgroundColor');
    expect(refused({ backgroundMode: 'transparent' }, { outputFormat: 'JPG' })).toBe('outputFormat');
    expect(refused({ backgroundMode: 'transparent' }, { outputFormat: undefined })).toBe('outputFormat');
    expect(refused({ backgroundMode: 'transparent' }, { outputFormat: 'WEBP' })).toBeUndefined();
    expect(refused({ scoringRubric: [] })).toBe('settings.scoringRubric');
    expect(refused({ scoringRubric: Array(9).fill(rubric[0]) })).toBe('settings.scoringRubric');
    expect(refused({ scoringRubric: [{ ...rubric[0], weight: 0 }] })).toBe('settings.scoringRubric.0.weight');
    expect(refused({ enhancePrompt: 'yes' })).toBe('settings.enhancePrompt');
    expect(refused({ seed: 1 })).toBe('settings.seed');
  });

  it('refuses resolution beside width and height, a fifth reference, and settings on a model without them', () => {
    expect(validateInference(task({ resolution: '1K' }))).toMatchObject({ parameter: 'resolution' });
    expect(validateInference(task({ inputs: { referenceImages: Array(5).fill(REF) } }))).toMatchObject({ parameter: 'inputs.referenceImages' });
    expect(validateInference(task({ inputs: { referenceImages: Array(4).fill(REF) } }))).toBeUndefined();
    expect(validateInference(task({ model: 'sourceful:riverflow-2.0@fast', width: 1024, height: 1024, settings: { thinkingLevel: 'low' } }))).toMatchObject({
      code: 'unsupportedParameter',
      parameter: 'settings',
    });
  });

  it('bills 1K by thinking effort (medium when none is asked)', () => {
    expect(imageCost(task({ settings: { thinkingLevel: 'low' } }))).toBe(0.021);
    expect(imageCost(task())).toBe(0.022);
    expect(imageCost(task({ settings: { thinkingLevel: 'high' } }))).toBe(0.025);
  });
});

describe('2.5 Fast’s backgrounds, over HTTP', () => {
  let emu: Emulator;
  let reference = '';
  beforeAll(async () => {
    emu = await startEmulator();
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer();
    reference = `data:image/png;base64,${png.toString('base64')}`;
  });
  afterAll(() => emu.close());

  const generate = async (settings: Record<string, unknown>, outputFormat = 'PNG') => {
    const res = await fetch(emu.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${EMULATOR_API_KEY}` },
      body: JSON.stringify([task({ settings, outputFormat, outputType: 'base64Data', inputs: { referenceImages: [reference] } })]),
    });
    const body = (await res.json()) as { data: { imageBase64Data: string }[] };
    return sharp(Buffer.from(body.data[0]!.imageBase64Data, 'base64'));
  };
  const pixel = async (image: Sharp, x: number, y: number) => {
    const { data, info } = await image.clone().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (y * info.width + x) * 4;
    return [...data.subarray(at, at + 4)];
  };

  it('a transparent background comes back as a cutout: clear corners, an opaque middle', async () => {
    const image = await generate({ backgroundMode: 'transparent' });
    expect((await image.metadata()).hasAlpha).toBe(true);
    expect((await pixel(image, 2, 2))[3]).toBe(0);
    expect((await pixel(image, 512, 384))[3]).toBe(255);
  });

  it('a solid background fills the corners with its colour', async () => {
    const image = await generate({ backgroundMode: 'solid', backgroundColor: '#FF0080' });
    expect((await pixel(image, 2, 2)).slice(0, 3)).toEqual([255, 0, 128]);
  });
});
