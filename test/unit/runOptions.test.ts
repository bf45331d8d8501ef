import { describe, expect, it } from 'vitest';
import { validateInference } from '../../dev/emulator/contract.ts';
import { MODELS, modelOf } from '../../core/models.ts';
import type { OutputOptions } from '../../core/outputOptions.ts';
import { protectionRubric, runOptions } from '../../core/runOptions.ts';
import { buildInferenceTasks } from '../../core/runware/tasks.ts';
import { uuidV4 } from '../../ui/runware/uuid.ts';

const FAST25 = modelOf('sourceful:riverflow-2.5@fast');
const PRO2 = modelOf('sourceful:riverflow-2.0@pro');
const remembered: OutputOptions = { outputFormat: 'JPG', outputQuality: 90, checkContent: false };
const task = (model: typeof FAST25, options: OutputOptions) =>
  buildInferenceTasks(
    {
      ...runOptions(model, options),
      model: model.id,
      prompt: 'the bottle alone',
      preset: model.sizes[0]!,
      references: ['data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA'],
    },
    [uuidV4()],
  )[0]! as unknown as Record<string, unknown>;

describe('what a run is made with, per model (core/runOptions.ts)', () => {
  it('sends 2.5 its thinking (medium unless chosen) and background in `settings`, never resolution', () => {
    expect(task(FAST25, remembered).settings).toEqual({ thinkingLevel: 'medium', backgroundMode: 'original' });
    const t = task(FAST25, { ...remembered, thinking: 'high', backgroundMode: 'solid', backgroundColor: '#112233' });
    expect(t.settings).toEqual({ thinkingLevel: 'high', backgroundMode: 'solid', backgroundColor: '#112233' });
    expect(t).not.toHaveProperty('resolution');
    expect(validateInference(t)).toBeUndefined();
  });

  it('asks for PNG for a transparent background when Advanced says JPG, keeps WEBP, and passes the contract', () => {
    const jpg = task(FAST25, { ...remembered, backgroundMode: 'transparent' });
    expect([jpg.outputFormat, validateInference(jpg)]).toEqual(['PNG', undefined]);
    const webp = task(FAST25, { ...remembered, outputFormat: 'WEBP', backgroundMode: 'transparent' });
    expect([webp.outputFormat, validateInference(webp)]).toEqual(['WEBP', undefined]);
  });

  it('gives a solid background white until a colour is chosen', () => {
    expect(runOptions(FAST25, { ...remembered, backgroundMode: 'solid' }).backgroundColor).toBe('#FFFFFF');
  });

  it('sends nothing of 2.5’s to a model without it (a 2.5 draft finished on 2.0 Pro), in JPG as asked', () => {
    const options = { ...remembered, thinking: 'high' as const, backgroundMode: 'transparent' as const };
    expect(runOptions(PRO2, options)).toEqual(remembered);
    const t = task(PRO2, options);
    expect([t.settings, t.outputFormat, validateInference(t)]).toEqual([undefined, 'JPG', undefined]);
  });

  it('passes the emulator’s contract on every model with every remembered choice', () => {
    for (const model of MODELS)
      for (const backgroundMode of ['original', 'transparent', 'solid'] as const)
        for (const thinking of ['low', 'medium', 'high'] as const)
          expect(validateInference(task(model, { ...remembered, thinking, backgroundMode, backgroundColor: '#ABCDEF' }))).toBeUndefined();
  });

  it('tells 2.5’s judge about the frame’s protected layers in a rubric item the contract takes; nothing on other models', () => {
    const rubric = protectionRubric(FAST25, ['Barcode', 'Logo'])!;
    expect(rubric).toEqual([
      {
        key: 'protected_layers',
        label: 'Protected layers unchanged',
        description: '“Barcode” and “Logo” are unchanged in position, shape and colour.',
        weight: 1,
      },
    ]);
    const t = buildInferenceTasks(
      {
        ...runOptions(FAST25, remembered),
        model: FAST25.id,
        prompt: 'autumn edition',
        preset: FAST25.sizes[0]!,
        references: ['data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA'],
        scoringRubric: rubric,
      },
      [uuidV4()],
    )[0]! as unknown as Record<string, unknown>;
    expect((t.settings as { scoringRubric: unknown }).scoringRubric).toEqual(rubric);
    expect(validateInference(t)).toBeUndefined();
    expect(protectionRubric(PRO2, ['Barcode'])).toBeUndefined();
    expect(protectionRubric(FAST25, [])).toBeUndefined();
  });
});
