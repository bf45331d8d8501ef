import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { parseProvenance, PROVENANCE_KEY } from '../../core/records/provenance.ts';
import type { FakeSceneNode } from '../../dev/fake-figma/nodes.ts';
import { bootPlugin, type BootedPlugin } from '../helpers/bootPlugin.ts';

const png = async (w: number, h: number) =>
  new Uint8Array(
    await sharp({ create: { width: w, height: h, channels: 3, background: '#36a' } })
      .png()
      .toBuffer(),
  );

async function place(p: BootedPlugin, run: PendingRun, id: number): Promise<FakeSceneNode> {
  await p.ask({ type: 'pending-save', id, run });
  const r = await p.ask({
    type: 'place-result',
    id: id + 1,
    runId: run.runId,
    taskUUID: run.tasks[0]!.taskUUID,
    imageUUID: `${run.runId}-img`,
    bytes: await png(run.width, run.height),
  });
  if (!r.ok) throw new Error(r.message);
  return p.host.node((r.value as { nodeId: string }).nodeId) as FakeSceneNode;
}

const run = (over: Partial<PendingRun>): PendingRun => ({
  runId: 'draft',
  fileId: '',
  prompt: 'Deep indigo',
  model: 'sourceful:riverflow-2.0@fast',
  width: 1152,
  height: 864,
  sourceNodeIds: [],
  createdAt: 1,
  tasks: [{ taskUUID: '11111111-2222-4333-8444-555555555501', accepted: true }],
  ...over,
});

describe('Finish with… on the main thread', () => {
  it('a result pasted from another file is never finished with this file’s nodes that share its sources’ ids', async () => {
    const p = bootPlugin();
    await p.ready();
    const box = p.host.addFrame('Box front', { x: 0, y: 0, width: 1152, height: 864 });
    const draft = await place(p, run({ sourceNodeIds: [box.id] }), 1);
    const provenance = draft.getPluginData(PROVENANCE_KEY);
    // Another file, where node ids start again: its first frame has the draft's source's id.
    p.host.openFile();
    p.reopen();
    await p.ready();
    const other = p.host.addFrame('Shelf talker', { x: 0, y: 0, width: 600, height: 800 });
    expect(other.id).toBe(box.id);
    const pasted = p.host.addFrame('Pasted draft', { x: 2000, y: 0, width: 1152, height: 864 });
    pasted.setPluginData(PROVENANCE_KEY, provenance);
    const plan = await p.ask({ type: 'finish-plan', id: 9, nodeId: pasted.id });
    expect(plan).toMatchObject({ ok: false, message: 'This result was made in another file: its references are there, so finish it in that file.' });
  });

  it('reads what a draft was made from (its references in order, deleted ones counted), and places the final beside the draft, linked', async () => {
    const p = bootPlugin();
    await p.ready();
    const box = p.host.addFrame('Box front', { x: 0, y: 0, width: 1152, height: 864 });
    const logo = p.host.addFrame('Logo', { x: 0, y: 1000, width: 400, height: 400 });
    const swatch = p.host.addFrame('Swatch', { x: 500, y: 1000, width: 400, height: 400 });
    const draft = await place(p, run({ sourceNodeIds: [box.id, logo.id, swatch.id] }), 1);
    expect(parseProvenance(draft.getPluginData(PROVENANCE_KEY))?.sourceNodeIds).toEqual([box.id, logo.id, swatch.id]);
    logo.remove();
    const plan = await p.ask({ type: 'finish-plan', id: 5, nodeId: draft.id });
    expect(plan).toMatchObject({
      ok: true,
      value: { prompt: 'Deep indigo', model: 'sourceful:riverflow-2.0@fast', width: 1152, height: 864, missing: 1, area: false, keepTextSharp: false },
    });
    expect((plan as { value: { sources: { id: string }[] } }).value.sources.map((s) => s.id)).toEqual([box.id, swatch.id]);
    // The final: beside the draft wherever the designer moved it (not beside Box front), as wide, linked to it, named for its model and tier.
    draft.x = 6000;
    draft.y = 3000;
    const final = await place(
      p,
      run({
        runId: 'final',
        model: 'sourceful:riverflow-2.0@pro',
        width: 2304,
        height: 1728,
        sourceNodeIds: [box.id, swatch.id],
        finishes: draft.id,
        tasks: [{ taskUUID: '11111111-2222-4333-8444-555555555502', accepted: true }],
      }),
      10,
    );
    expect(final.name).toBe(`${draft.name} — Riverflow 2.0 Pro 2K`);
    expect([final.y, final.width]).toEqual([draft.y, draft.width]);
    expect(final.x).toBeGreaterThan(draft.x + draft.width);
    expect(parseProvenance(final.getPluginData(PROVENANCE_KEY))).toMatchObject({
      finishes: draft.id,
      model: 'sourceful:riverflow-2.0@pro',
      sourceNodeId: box.id,
    });
  });

  it('says so when the selection is not a Riverflow result', async () => {
    const p = bootPlugin();
    await p.ready();
    const box = p.host.addFrame('Box front', { x: 0, y: 0, width: 1152, height: 864 });
    expect(await p.ask({ type: 'finish-plan', id: 1, nodeId: box.id })).toMatchObject({
      ok: false,
      message: 'This is not a Riverflow result any more, so it cannot be finished.',
    });
  });
});
