import { modelOf } from '../../core/models.ts';
import { describe, expect, it } from 'vitest';
import { filterHistory, groupHistory } from '../../core/history.ts';
import { parseProvenance, type Provenance } from '../../core/records/provenance.ts';
import { readQuickEdit } from '../../core/quickEdit.ts';

const prov = (runId: string, createdAt: number): Provenance => ({
  prompt: `p-${runId}`,
  model: 'sourceful:1@2',
  width: 1152,
  height: 864,
  runId,
  taskUUID: `${runId}-${createdAt}`,
  imageUUID: `i-${createdAt}`,
  sourceNodeId: '1:1',
  createdAt,
  index: 1,
  cost: 0.077,
});

describe('history', () => {
  it('groups results by run (one task per variation), newest first, summing cost', () => {
    const entries = groupHistory([
      { nodeId: 'a', provenance: prov('t1', 100), starred: false },
      { nodeId: 'b', provenance: prov('t2', 300), starred: false },
      { nodeId: 'c', provenance: prov('t1', 101), starred: true },
    ]);
    expect(entries.map((e) => e.starred)).toEqual([false, true]);
    expect(entries.map((e) => [e.runId, e.count, e.cost, e.nodeIds])).toEqual([
      ['t2', 1, 0.077, ['b']],
      ['t1', 2, 0.154, ['a', 'c']],
    ]);
  });
  it('reads provenance or nothing', () => {
    expect(parseProvenance(JSON.stringify(prov('t', 1)))?.prompt).toBe('p-t');
    expect(parseProvenance('{')).toBeUndefined();
    expect(parseProvenance('')).toBeUndefined();
    expect(parseProvenance(JSON.stringify({ prompt: 'missing fields' }))).toBeUndefined();
  });
});

describe('history search', () => {
  it('searches and stars every run on the page, not only the 30 newest; the list shows at most 30 of what matches', () => {
    const results = Array.from({ length: 40 }, (_, i) => ({
      nodeId: `n${i}`,
      provenance: { ...prov(`r${i}`, 1000 + i), prompt: i === 0 ? 'Foil stamp, oldest' : `Run ${i}` },
      starred: i === 1,
    }));
    const entries = groupHistory(results);
    expect(filterHistory(entries, 'foil', false).map((e) => e.runId)).toEqual(['r0']);
    expect(filterHistory(entries, '', true).map((e) => e.runId)).toEqual(['r1']);
    expect(filterHistory(entries, '', false)).toHaveLength(30);
  });
  it('finds runs by prompt text in any case, and keeps starred runs only when asked', () => {
    const entries = groupHistory([
      { nodeId: 'a', provenance: { ...prov('r1', 1), prompt: 'Deep indigo box' }, starred: true },
      { nodeId: 'b', provenance: { ...prov('r2', 2), prompt: 'Copper foil band' }, starred: false },
    ]);
    expect(filterHistory(entries, 'INDIGO', false).map((e) => e.runId)).toEqual(['r1']);
    expect(filterHistory(entries, '  ', false)).toHaveLength(2);
    expect(filterHistory(entries, '', true).map((e) => e.runId)).toEqual(['r1']);
    expect(filterHistory(entries, 'foil', true)).toEqual([]);
  });
});

describe('quick edit parameters', () => {
  it('needs a prompt and takes a size by label, ratio or Runware name', () => {
    expect(readQuickEdit({ prompt: '  ', size: null })).toBe('Riverflow needs a prompt: describe the change you want.');
    expect(readQuickEdit({ prompt: 'Teal', size: null })).toEqual({ prompt: 'Teal', preset: undefined });
    for (const size of ['16:9 · 1280×720', '16:9', '1K (16:9)'])
      expect(readQuickEdit({ prompt: 'Teal', size })).toMatchObject({ preset: { width: 1280, height: 720 } });
    expect(readQuickEdit({ prompt: 'Teal', size: '5:4' })).toBe('“5:4” is not one of Riverflow 1.1 Pro’s sizes.');
  });

  it('reads the size among the remembered model’s sizes, a bare ratio at the remembered tier', () => {
    const fast = modelOf('sourceful:riverflow-2.0@fast');
    expect(readQuickEdit({ prompt: 'Teal', size: '5:4' }, fast)).toMatchObject({ preset: { width: 1120, height: 896 } });
    expect(readQuickEdit({ prompt: 'Teal', size: '5:4' }, fast, '2K')).toMatchObject({ preset: { width: 2240, height: 1792 } });
    expect(readQuickEdit({ prompt: 'Teal', size: '2K (16:9)' }, fast)).toMatchObject({ preset: { width: 2560, height: 1440 } });
    expect(readQuickEdit({ prompt: 'Teal', size: '3:7' }, fast)).toBe('“3:7” is not one of Riverflow 2.0 Fast’s sizes.');
    expect(readQuickEdit({ prompt: 'Teal', size: '4K (16:9)' }, fast)).toBe('“4K (16:9)” is not one of Riverflow 2.0 Fast’s sizes.');
  });
});
