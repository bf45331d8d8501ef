import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import type { FakeSceneNode } from '../../dev/fake-figma/nodes.ts';
import { bootPlugin, type BootedPlugin } from '../helpers/bootPlugin.ts';

const png = async () =>
  new Uint8Array(
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer(),
  );
const taskId = (i: number) => `11111111-2222-4333-8444-55555555551${i}`;
const run = (source: string, variations: number, runId = 'run-1'): PendingRun => ({
  runId,
  fileId: '',
  prompt: 'Deep indigo',
  width: 1024,
  height: 1024,
  sourceNodeIds: [source],
  createdAt: 1,
  tasks: Array.from({ length: variations }, (_, i) => ({ taskUUID: taskId(i), accepted: true })),
});

/** The plugin as a designer opens it on a file they already have: the frame exists before the plugin runs. */
async function opened(): Promise<{ p: BootedPlugin; frame: FakeSceneNode }> {
  let frame!: FakeSceneNode;
  const p = bootPlugin({ setup: (host) => void (frame = host.addFrame('Box front', { x: 0, y: 0, width: 500, height: 500 })) });
  await p.ready();
  p.tell({ type: 'ui-ready' });
  await p.waitFor('init');
  return { p, frame };
}

async function place(p: BootedPlugin, runId: string, i: number, id: number): Promise<FakeSceneNode> {
  const r = await p.ask({ type: 'place-result', id, runId, taskUUID: taskId(i), imageUUID: `img-${runId}-${i}`, bytes: await png() });
  if (!r.ok) throw new Error(r.message);
  return p.host.node((r.value as { nodeId: string }).nodeId) as FakeSceneNode;
}

describe('undo restores exactly what the designer did, never the plugin’s own records', () => {
  it('the fake’s ⌘Z is real: it puts back the document as it was at the last step', async () => {
    const { p, frame } = await opened();
    const before = p.host.document();
    p.host.addFrame('Later', { x: 900, y: 0, width: 100, height: 100 });
    frame.name = 'Renamed';
    p.host.undo();
    expect(p.host.document()).not.toContain('Renamed');
    expect(p.host.document()).toContain('Later');
    p.host.undo();
    expect(p.host.document()).toBe(before);
  });

  it('⌘Z on the first result gives back the document exactly as before it, file id and all; the run still belongs to this file', async () => {
    const { p, frame } = await opened();
    await p.ask({ type: 'pending-save', id: 1, run: run(frame.id, 2) });
    const before = p.host.document();
    const first = await place(p, 'run-1', 0, 2);
    p.host.undo();
    expect(first.removed).toBe(true);
    expect(p.host.document()).toBe(before);
    // The second variation still arrives: the run is this file's, not a foreign one.
    const second = await place(p, 'run-1', 1, 3);
    expect(second.removed).toBe(false);
  });

  it('a pin set before a result survives ⌘Z on the result', async () => {
    const { p, frame } = await opened();
    const logo = p.host.addFrame('Logo', { x: 0, y: 900, width: 200, height: 200 });
    await p.ask({ type: 'pin-reference', id: 1, nodeId: logo.id, pinned: true });
    await p.ask({ type: 'pending-save', id: 2, run: run(frame.id, 1) });
    await place(p, 'run-1', 0, 3);
    p.host.undo();
    const pins = await p.ask({ type: 'pin-reference', id: 4, nodeId: frame.id, pinned: false });
    expect(pins).toMatchObject({ ok: true, value: { nodes: [{ id: logo.id }] } });
  });

  it('⌘Z after Keep brings back exactly the variations Keep removed', async () => {
    const { p, frame } = await opened();
    await p.ask({ type: 'pending-save', id: 1, run: run(frame.id, 3) });
    const results = [await place(p, 'run-1', 0, 2), await place(p, 'run-1', 1, 3), await place(p, 'run-1', 2, 4)];
    const before = p.host.document();
    await p.ask({ type: 'keep-result', id: 5, runId: 'run-1', nodeId: results[0]!.id });
    expect(results.map((r) => r.removed)).toEqual([false, true, true]);
    p.host.undo();
    expect(p.host.document()).toBe(before);
  });
});
