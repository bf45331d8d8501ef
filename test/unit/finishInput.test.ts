import { describe, expect, it } from 'vitest';
import { modelOf } from '../../core/models.ts';
import { DEFAULT_SETTINGS } from '../../core/records/settings.ts';
import { finishInput } from '../../ui/run/finishInput.ts';

const node = (id: string) => ({ id, name: id, width: 1152, height: 864 });
const plan = {
  prompt: 'Deep indigo',
  model: 'sourceful:riverflow-2.0@fast',
  width: 1152,
  height: 864,
  sources: [node('1:1')],
  missing: 0,
  area: false,
  keepTextSharp: false,
};
const pro = { model: modelOf('sourceful:riverflow-2.0@pro'), tier: '4K' as const };

describe('Finish with…', () => {
  it('re-runs the draft’s prompt and references at its ratio on the final model and tier, one image, linked to the draft', () => {
    const input = finishInput('9:9', plan, pro, { ...DEFAULT_SETTINGS, numberResults: 6, model: 'sourceful:riverflow-2.0@fast', tier: '1K' });
    expect(input).toMatchObject({ ok: true });
    expect(input.ok && input.input).toMatchObject({
      prompt: 'Deep indigo',
      preset: { tier: '4K', ratio: '4:3', width: 4608, height: 3456 },
      nodes: [node('1:1')],
      settings: { model: 'sourceful:riverflow-2.0@pro', tier: '4K', numberResults: 1 },
      finishes: '9:9',
    });
    expect(input.ok && input.input).not.toHaveProperty('composite');
  });

  it('composites the final over its frame when the frame has protected layers, so they come back exactly', () => {
    const guarded = { ...plan, sources: [{ ...node('1:1'), protected: [{ id: '1:5', name: 'Barcode' }] }] };
    const input = finishInput('9:9', guarded, { model: modelOf('sourceful:riverflow-2.0@fast'), tier: '1K' }, DEFAULT_SETTINGS);
    expect(input.ok && input.input.composite).toEqual({ keepTextSharp: false, featherPercent: 3 });
  });

  it('sends no more references than the final model takes', () => {
    const many = { ...plan, sources: ['a', 'b', 'c', 'd', 'e', 'f'].map(node) };
    const fast = finishInput('9:9', many, { model: modelOf('sourceful:riverflow-2.0@fast'), tier: '2K' }, DEFAULT_SETTINGS);
    expect(fast.ok && fast.input.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps text live when the draft did, and says why it cannot finish an area edit or a draft whose frames are gone', () => {
    expect(finishInput('9:9', { ...plan, keepTextSharp: true }, pro, DEFAULT_SETTINGS)).toMatchObject({
      ok: true,
      input: { composite: { keepTextSharp: true } },
    });
    expect(finishInput('9:9', { ...plan, area: true }, pro, DEFAULT_SETTINGS)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Finish with… re-runs whole frames/),
    });
    expect(finishInput('9:9', { ...plan, sources: [], missing: 1 }, pro, DEFAULT_SETTINGS)).toEqual({
      ok: false,
      reason: 'The frames this result was made from are gone, so it cannot be made again on another model.',
    });
  });
});
