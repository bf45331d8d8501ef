import { describe, expect, it } from 'vitest';
import { groupHistory } from '../../core/history.ts';
import { parseProvenance, type Provenance } from '../../core/records/provenance.ts';
import { readQuickEdit } from '../../core/quickEdit.ts';

const prov = (runId: string, createdAt: number): Provenance => ({ prompt: `p-${runId}`, model: 'sourceful:1@2', width: 1152, height: 864, runId, taskUUID: `${runId}-${createdAt}`, imageUUID: `i-${createdAt}`, sourceNodeId: '1:1', createdAt, index: 1, cost: 0.077 });

describe('history', () => {
  it('groups results by run (one task per variation), newest first, summing cost', () => {
    const entries = groupHistory([
      { nodeId: 'a', provenance: prov('t1', 100) },
      { nodeId: 'b', provenance: prov('t2', 300) },
      { nodeId: 'c', provenance: prov('t1', 101) },
    ]);
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

describe('quick edit parameters', () => {
  it('needs a prompt and takes a size by label, ratio or Runware name', () => {
    expect(readQuickEdit({ prompt: '  ', size: null })).toBe('Riverflow needs a prompt: describe the change you want.');
    expect(readQuickEdit({ prompt: 'Teal', size: null })).toEqual({ prompt: 'Teal', preset: undefined });
    for (const size of ['16:9 · 1280×720', '16:9', '1K (16:9)']) expect(readQuickEdit({ prompt: 'Teal', size })).toMatchObject({ preset: { width: 1280, height: 720 } });
    expect(readQuickEdit({ prompt: 'Teal', size: '5:4' })).toBe('“5:4” is not one of Riverflow’s sizes.');
  });
});
