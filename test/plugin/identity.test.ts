import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { snapshotNode } from '../../dev/fake-figma/figma.ts';
import type { FakeSceneNode } from '../../dev/fake-figma/nodes.ts';
import { bootPlugin, type BootedPlugin } from '../helpers/bootPlugin.ts';

const png = async (w: number, h: number) =>
  new Uint8Array(
    await sharp({ create: { width: w, height: h, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer(),
  );
const taskId = (i: number) => `11111111-2222-4333-8444-55555555550${i}`;

async function placeRun(p: BootedPlugin, source: FakeSceneNode, variations: number): Promise<FakeSceneNode[]> {
  const run: PendingRun = {
    runId: 'run-1',
    fileId: '',
    prompt: 'Deep indigo',
    width: 1024,
    height: 1024,
    sourceNodeIds: [source.id],
    createdAt: 1,
    tasks: Array.from({ length: variations }, (_, i) => ({ taskUUID: taskId(i), accepted: true })),
  };
  await p.ask({ type: 'pending-save', id: 1, run });
  const placed: FakeSceneNode[] = [];
  for (let i = 0; i < variations; i++) {
    const r = await p.ask({ type: 'place-result', id: 10 + i, runId: run.runId, taskUUID: taskId(i), imageUUID: `img-${i}`, bytes: await png(64, 64) });
    if (!r.ok) throw new Error(r.message);
    placed.push(p.host.node((r.value as { nodeId: string }).nodeId) as FakeSceneNode);
  }
  return placed;
}

describe('identity: Keep removes only what its run placed', () => {
  it('the fake duplicates as ⌘D does: new ids, the same plugin data', async () => {
    const p = bootPlugin();
    const source = p.host.addFrame('Box front', { x: 0, y: 0, width: 500, height: 500 });
    const [first] = await placeRun(p, source, 1);
    const copy = p.host.duplicate(first!);
    expect(copy.id).not.toBe(first!.id);
    expect(copy.getPluginData('riverflow')).toBe(first!.getPluginData('riverflow'));
    expect(copy.parent).toBe(first!.parent);
  });

  it('Keep spares a designer’s duplicate of a variation and a variation moved into a section', async () => {
    const p = bootPlugin();
    const source = p.host.addFrame('Box front', { x: 0, y: 0, width: 500, height: 500 });
    const [first, second, third] = await placeRun(p, source, 3);
    const copy = p.host.duplicate(second!);
    const shelf = p.host.addFrame('Shelf', { x: 0, y: 3000, width: 2000, height: 1000 }, undefined, 'SECTION');
    shelf.appendChild(third!);
    const reply = await p.ask({ type: 'keep-result', id: 50, runId: 'run-1', nodeId: first!.id });
    expect(reply).toMatchObject({ ok: true, value: { removed: 1 } });
    expect(second!.removed).toBe(true);
    expect(copy.removed).toBe(false);
    expect(third!.removed).toBe(false);
    expect(first!.removed).toBe(false);
  });
});

describe('a thin section as a reference', () => {
  it('goes out padded like a thin frame: a section is never put inside a frame (Figma refuses), nothing left behind', async () => {
    const p = bootPlugin();
    const section = p.host.addFrame('Shelf strip', { x: 0, y: 0, width: 3000, height: 300 }, undefined, 'SECTION');
    p.host.addFrame('Price tag', { x: 100, y: 50, width: 400, height: 200 }, undefined, 'FRAME', section);
    const before = snapshotNode(section);
    const onPage = p.host.page.children.length;
    const reply = await p.ask({ type: 'export-references', id: 1, nodeIds: [section.id], maxLongSide: 2048, skipCache: true });
    expect(reply).toMatchObject({ ok: true });
    const sent = p.sent.flatMap((m) => (m.type === 'reference' && 'bytes' in m.reference ? [m.reference.bytes] : []));
    const meta = await sharp(sent[0]!).metadata();
    expect(Math.min(meta.width!, meta.height!)).toBeGreaterThanOrEqual(300);
    expect(snapshotNode(section)).toBe(before);
    expect(p.host.page.children).toHaveLength(onPage);
  });
});

describe('two plugin windows, two files, one clientStorage', () => {
  it('runs saved at the same moment in two files are both kept and both placed', async () => {
    const a = bootPlugin();
    const b = bootPlugin({ sharedStorage: a.host.storage });
    const frameA = a.host.addFrame('Box A', { x: 0, y: 0, width: 500, height: 500 });
    const frameB = b.host.addFrame('Box B', { x: 0, y: 0, width: 500, height: 500 });
    const run = (runId: string, source: string, i: number): PendingRun => ({
      runId,
      fileId: '',
      prompt: 'Deep indigo',
      width: 1024,
      height: 1024,
      sourceNodeIds: [source],
      createdAt: 1,
      tasks: [{ taskUUID: taskId(i), accepted: true }],
    });
    await Promise.all([
      a.ask({ type: 'pending-save', id: 1, run: run('run-a', frameA.id, 1) }),
      b.ask({ type: 'pending-save', id: 1, run: run('run-b', frameB.id, 2) }),
    ]);
    const [placedA, placedB] = await Promise.all([
      a.ask({ type: 'place-result', id: 2, runId: 'run-a', taskUUID: taskId(1), imageUUID: 'img-a', bytes: await png(64, 64) }),
      b.ask({ type: 'place-result', id: 2, runId: 'run-b', taskUUID: taskId(2), imageUUID: 'img-b', bytes: await png(64, 64) }),
    ]);
    expect(placedA).toMatchObject({ ok: true });
    expect(placedB).toMatchObject({ ok: true });
  });
});
