import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { overlaps, type Rect } from '../../core/rect.ts';
import type { FakeSceneNode } from '../../dev/fake-figma/nodes.ts';
import { bootPlugin, type BootedPlugin } from '../helpers/bootPlugin.ts';

const png = async (w: number, h: number) =>
  new Uint8Array(
    await sharp({ create: { width: w, height: h, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer(),
  );
const task = (run: number, i: number) => `11111111-2222-4333-8444-${String(run).padStart(6, '0')}${String(i).padStart(6, '0')}`;
const runOf = (n: number, source: string, variations: number): PendingRun => ({
  runId: `run-${n}`,
  fileId: '',
  prompt: 'Make it indigo',
  width: 1024,
  height: 1024,
  sourceNodeIds: [source],
  createdAt: 1,
  tasks: Array.from({ length: variations }, (_, i) => ({ taskUUID: task(n, i), accepted: true })),
});
const box = (n: FakeSceneNode): Rect => n.absoluteBoundingBox!;

async function place(p: BootedPlugin, run: PendingRun, i: number, id: number): Promise<FakeSceneNode> {
  const reply = await p.ask({ type: 'place-result', id, runId: run.runId, taskUUID: run.tasks[i]!.taskUUID, imageUUID: `img-${id}`, bytes: await png(64, 64) });
  if (!reply.ok) throw new Error(reply.message);
  return p.host.node((reply.value as { nodeId: string }).nodeId) as FakeSceneNode;
}

describe('placement where features meet (main thread on dist/code.js)', () => {
  it('Edit each frame with variations: runs placing in turn never land on each other’s reserved spots', async () => {
    const p = bootPlugin();
    const frames = [0, 1, 2].map((i) => p.host.addFrame(`Frame ${i + 1}`, { x: i * 600, y: 0, width: 500, height: 500 }));
    const runs = frames.map((f, i) => runOf(i + 1, f.id, 2));
    let id = 1;
    for (const r of runs) await p.ask({ type: 'pending-save', id: id++, run: r });
    // The first variation of each frame arrives first, then the second ones: each run's grid is fixed by its first.
    const placed: FakeSceneNode[] = [];
    for (const r of runs) placed.push(await place(p, r, 0, id++));
    for (const r of runs) placed.push(await place(p, r, 1, id++));
    const boxes = placed.map(box);
    for (let i = 0; i < boxes.length; i++) {
      for (const f of frames) expect(overlaps(boxes[i]!, box(f))).toBe(false);
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${placed[i]!.name} / ${placed[j]!.name}`).toBe(false);
    }
  });

  it('a growing section never covers its neighbour: the results go in a row under the source instead', async () => {
    const p = bootPlugin();
    const section = p.host.addFrame('Shelf', { x: 0, y: 0, width: 1100, height: 600 }, undefined, 'SECTION');
    const frame = p.host.addFrame('Box', { x: 50, y: 50, width: 1000, height: 500 }, undefined, 'FRAME', section);
    const moodBoard = p.host.addFrame('Mood board', { x: 1200, y: 0, width: 800, height: 3000 });
    const r = runOf(1, frame.id, 2);
    await p.ask({ type: 'pending-save', id: 1, run: r });
    const results = [await place(p, r, 0, 2), await place(p, r, 1, 3)];
    for (const n of results) {
      expect(n.parent?.id).toBe(section.id);
      expect(overlaps(box(n), box(frame))).toBe(false);
      expect(overlaps(box(n), box(moodBoard))).toBe(false);
    }
    expect(overlaps(box(section), box(moodBoard))).toBe(false);
    expect(box(section).height).toBeGreaterThan(600);
  });

  it('a section hemmed in on every side leaves its results beside it on the page, covering nothing', async () => {
    const p = bootPlugin();
    const section = p.host.addFrame('Shelf', { x: 0, y: 0, width: 1100, height: 600 }, undefined, 'SECTION');
    const frame = p.host.addFrame('Box', { x: 50, y: 50, width: 1000, height: 500 }, undefined, 'FRAME', section);
    const right = p.host.addFrame('Right', { x: 1150, y: 0, width: 800, height: 800 });
    const under = p.host.addFrame('Under', { x: 0, y: 650, width: 1100, height: 400 });
    const r = runOf(1, frame.id, 1);
    await p.ask({ type: 'pending-save', id: 1, run: r });
    const n = await place(p, r, 0, 2);
    expect([box(section).width, box(section).height]).toEqual([1100, 600]);
    for (const other of [section, right, under]) expect(overlaps(box(n), box(other))).toBe(false);
  });

  it('a nested section grows its outer section too, and neither covers the outer one’s neighbour', async () => {
    const p = bootPlugin();
    const outer = p.host.addFrame('Outer', { x: 0, y: 0, width: 1300, height: 800 }, undefined, 'SECTION');
    const inner = p.host.addFrame('Inner', { x: 50, y: 50, width: 1150, height: 650 }, undefined, 'SECTION', outer);
    const frame = p.host.addFrame('Box', { x: 50, y: 50, width: 1000, height: 500 }, undefined, 'FRAME', inner);
    const neighbour = p.host.addFrame('Neighbour', { x: 1400, y: 0, width: 500, height: 3000 });
    const r = runOf(1, frame.id, 1);
    await p.ask({ type: 'pending-save', id: 1, run: r });
    const n = await place(p, r, 0, 2);
    expect(n.parent?.id).toBe(inner.id);
    for (const s of [inner, outer]) {
      expect(overlaps(box(s), box(neighbour))).toBe(false);
      const b = box(s);
      const nb = box(n);
      expect(nb.x >= b.x && nb.y >= b.y && nb.x + nb.width <= b.x + b.width && nb.y + nb.height <= b.y + b.height).toBe(true);
    }
  });
});
