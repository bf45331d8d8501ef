import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { contains, intersection } from '../../core/rect.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import type { FakeSceneNode } from '../../dev/fake-figma/nodes.ts';
import { snapshotNode } from '../../dev/fake-figma/figma.ts';
import { bootPlugin, type BootedPlugin } from '../helpers/bootPlugin.ts';

/** The file as designers keep it: sections, nested frames, auto layout, components and instances. */
const png = async (w: number, h: number) =>
  new Uint8Array(
    await sharp({ create: { width: w, height: h, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer(),
  );
/** Task ids are unique per run, as Runware's UUID v4 task ids are. */
const taskId = (i: number, runId = 'run-1') => `11111111-2222-4333-8444-5555555555${runId.slice(-1)}${i}`;
const run = (sourceNodeIds: string[], variations = 1, over: Partial<PendingRun> = {}): PendingRun => ({
  runId: 'run-1',
  fileId: '',
  prompt: 'Deep indigo',
  width: 1152,
  height: 864,
  sourceNodeIds,
  createdAt: 1,
  ...over,
  tasks: Array.from({ length: variations }, (_, i) => ({ taskUUID: taskId(i, over.runId), accepted: true })),
});
const box = (n: FakeSceneNode) => ({ x: n.x, y: n.y, width: n.width, height: n.height });

async function place(p: BootedPlugin, source: FakeSceneNode, variations = 1, over: Partial<PendingRun> = {}): Promise<FakeSceneNode[]> {
  const pending = run([source.id], variations, over);
  await p.ask({ type: 'pending-save', id: 1, run: pending });
  const placed: FakeSceneNode[] = [];
  for (let i = 0; i < variations; i++) {
    const imageUUID = `${pending.runId}-img-${i}`;
    const r = await p.ask({
      type: 'place-result',
      id: 10 + i,
      runId: pending.runId,
      taskUUID: taskId(i, pending.runId),
      imageUUID,
      bytes: await png(1152, 864),
    });
    if (!r.ok) throw new Error(r.message);
    placed.push(p.host.node((r.value as { nodeId: string }).nodeId) as FakeSceneNode);
  }
  return placed;
}

/** A section "Packaging" holding two frames, with a mood board on the page beside it. */
function packaging(p: BootedPlugin) {
  const section = p.host.addFrame('Packaging', { x: 1000, y: 200, width: 2900, height: 1200 }, undefined, 'SECTION');
  const front = p.host.addFrame('Box front', { x: 100, y: 100, width: 1152, height: 864 }, undefined, 'FRAME', section);
  const side = p.host.addFrame('Box side', { x: 1400, y: 100, width: 600, height: 864 }, undefined, 'FRAME', section);
  const mood = p.host.addFrame('Mood board', { x: 4100, y: 200, width: 1500, height: 1000 });
  return { section, front, side, mood };
}

describe('sections: results belong to their source’s section', () => {
  it('a result lands in the section, under its source where growing right would cover the mood board, over none of the section’s nodes, in one undo step', async () => {
    const p = bootPlugin();
    const { section, front, side, mood } = packaging(p);
    const before = snapshotNode(front);
    const [result] = await place(p, front);
    expect(result!.parent).toBe(section);
    for (const other of [front, side]) expect(intersection(box(result!), box(other)).width * intersection(box(result!), box(other)).height).toBe(0);
    // Right of "Box side" the section would grow over the mood board: the row under the source instead.
    expect(result!.x).toBe(front.x);
    expect(result!.y).toBeGreaterThan(front.y + front.height);
    expect(contains({ x: 0, y: 0, width: section.width, height: section.height }, box(result!))).toBe(true);
    expect(section.height).toBeGreaterThan(1200);
    expect(section.x + section.width).toBeLessThan(mood.x);
    expect(snapshotNode(front)).toBe(before);
    // It moves with the section, as a child does.
    section.x += 500;
    expect(result!.absoluteBoundingBox!.x).toBe(section.x + result!.x);
    // One undo step: ⌘Z (after the designer's move) takes the result and the section's growth back together.
    p.host.undo();
    p.host.undo();
    expect(result!.removed).toBe(true);
    expect([section.width, section.height]).toEqual([2900, 1200]);
  });

  it('nested sections: the innermost one', async () => {
    const p = bootPlugin();
    const outer = p.host.addFrame('Brand', { x: 0, y: 0, width: 6000, height: 3000 }, undefined, 'SECTION');
    const inner = p.host.addFrame('Tea range', { x: 200, y: 200, width: 3000, height: 1200 }, undefined, 'SECTION', outer);
    const frame = p.host.addFrame('Tin', { x: 50, y: 50, width: 800, height: 800 }, undefined, 'FRAME', inner);
    const [result] = await place(p, frame);
    expect(result!.parent).toBe(inner);
  });

  it('a source nested in an auto-layout frame: the result goes beside the outermost frame, never into the auto layout', async () => {
    const p = bootPlugin();
    const { section } = packaging(p);
    const row = p.host.addFrame('Variants row', { x: 100, y: 1100, width: 1300, height: 420 }, undefined, 'FRAME', section);
    row.layoutMode = 'HORIZONTAL';
    row.itemSpacing = 20;
    const a = p.host.addFrame('Lid A', { x: 0, y: 0, width: 400, height: 400 }, undefined, 'FRAME', row);
    p.host.addFrame('Lid B', { x: 0, y: 0, width: 400, height: 400 }, undefined, 'FRAME', row);
    expect(row.children.map((c) => c.x)).toEqual([0, 420]);
    const [result] = await place(p, a);
    expect(row.children.map((c) => c.name)).toEqual(['Lid A', 'Lid B']);
    expect(result!.parent).toBe(section);
    expect(result!.x).toBeGreaterThanOrEqual(row.x + row.width);
    expect(result!.width).toBe(400);
    for (const other of section.children.filter((c) => c !== result))
      expect(intersection(box(result!), box(other)).width * intersection(box(result!), box(other)).height).toBe(0);
  });

  it('a frame inside a group on the page: beside the group, on the page', async () => {
    const p = bootPlugin();
    const card = p.host.addFrame('Card', { x: 0, y: 0, width: 1000, height: 600 });
    const inner = p.host.addFrame('Inner', { x: 100, y: 100, width: 300, height: 300 }, undefined, 'FRAME', card);
    const [result] = await place(p, inner);
    expect(result!.parent!.type).toBe('PAGE');
    expect(result!.x).toBeGreaterThanOrEqual(card.x + card.width);
  });

  it('Edit each frame: each result in its own frame’s section; where a section has no room that covers nothing, beside it on the page', async () => {
    const p = bootPlugin();
    const { section, front, side, mood } = packaging(p);
    const other = p.host.addFrame('Shelf', { x: 0, y: 2000, width: 2000, height: 1000 }, undefined, 'SECTION');
    const tray = p.host.addFrame('Tray', { x: 100, y: 100, width: 600, height: 450 }, undefined, 'FRAME', other);
    // Six 1152 px variations: right, they would grow "Packaging" over the mood board; under, over "Shelf".
    const results = await place(p, front, 6);
    const onPage = (n: FakeSceneNode) => n.absoluteBoundingBox!;
    for (const r of results) {
      expect(r.parent!.id).toBe(p.host.page.id);
      for (const n of [section, mood, other, front, side]) expect(intersection(onPage(r), onPage(n)).width * intersection(onPage(r), onPage(n)).height).toBe(0);
    }
    expect([section.width, section.height]).toEqual([2900, 1200]);
    const [inTray] = await place(p, tray, 1, { runId: 'run-2' });
    expect(inTray!.parent).toBe(other);
  });
});

describe('components and instances', () => {
  it('the fake keeps an instance closed: its sublayers cannot be removed or moved out, and mainComponent needs the async call', async () => {
    const p = bootPlugin();
    const component = p.host.addFrame('Badge', { x: 0, y: 0, width: 300, height: 300 }, undefined, 'COMPONENT');
    p.host.addFrame('Star', { x: 10, y: 10, width: 100, height: 100 }, undefined, 'FRAME', component);
    const instance = p.host.addInstance(component, 'Badge instance', { x: 500, y: 0 });
    const sublayer = instance.children[0]!;
    expect(() => sublayer.remove()).toThrow(/not allowed/);
    expect(() => p.host.page.appendChild(sublayer)).toThrow(/inside of an instance/);
    expect(() => instance.appendChild(p.host.addFrame('Loose', { x: 0, y: 0, width: 10, height: 10 }))).toThrow(/instance/);
    expect(() => instance.mainComponent).toThrow(/dynamic-page/);
    expect(await instance.getMainComponentAsync()).toBe(component);
  });

  it('an instance, a component and a variant are bases like frames; results go beside them, never into a component set', async () => {
    const p = bootPlugin();
    await p.ready();
    const set = p.host.addFrame('Pouch', { x: 0, y: 0, width: 1400, height: 700 }, undefined, 'COMPONENT_SET');
    const variant = p.host.addFrame('Size=Large', { x: 50, y: 50, width: 600, height: 600 }, undefined, 'COMPONENT', set);
    const instance = p.host.addInstance(variant, 'Pouch on shelf', { x: 0, y: 1000 });
    p.host.select([instance]);
    expect((await p.waitFor('selection', (m) => m.nodes.length === 1)).nodes[0]!.name).toBe('Pouch on shelf');
    p.host.select([variant]);
    expect((await p.waitFor('selection', (m) => m.nodes[0]?.name === 'Size=Large')).skipped).toEqual([]);
    const [result] = await place(p, variant);
    expect(result!.parent!.type).toBe('PAGE');
    expect(result!.x).toBeGreaterThanOrEqual(set.x + set.width);
    expect(set.children.map((c) => c.name)).toEqual(['Size=Large']);
  });

  it('a result turned into a component and used elsewhere is listed once in history, and Keep removes only the run’s own placed nodes', async () => {
    const p = bootPlugin();
    await p.ready();
    p.tell({ type: 'ui-ready' });
    await p.waitFor('init');
    const source = p.host.addFrame('Box front', { x: 0, y: 0, width: 1152, height: 864 });
    const [first, second] = await place(p, source, 2);
    // The designer makes the second variation a component, and places two instances of it.
    const component = p.host.addFrame('Hero', { x: 0, y: 3000, width: second!.width, height: second!.height }, undefined, 'COMPONENT');
    component.appendChild(second!);
    p.host.addInstance(component, 'Hero A', { x: 0, y: 4000 });
    p.host.addInstance(component, 'Hero B', { x: 2000, y: 4000 });
    p.tell({ type: 'get-history' });
    const history = await p.waitFor('history');
    expect(history.results.map((r) => r.nodeId).sort()).toEqual([first!.id, second!.id].sort());
    const kept = await p.ask({ type: 'keep-result', id: 50, runId: 'run-1', nodeId: first!.id });
    expect(kept).toMatchObject({ ok: true, value: { removed: 0 } });
    expect(component.children).toHaveLength(1);
  });
});

describe('Riverflow’s reference limits', () => {
  it('a 3000×300 shelf banner goes out padded with its own background to a ratio Riverflow reads, never under 300 px; nothing left behind', async () => {
    const p = bootPlugin();
    const banner = p.host.addFrame('Shelf banner', { x: 0, y: 0, width: 3000, height: 300 });
    banner.fills = [{ type: 'SOLID', color: { r: 0.125, g: 0.227, b: 0.263 }, opacity: 1, visible: true } as SolidPaint];
    const before = snapshotNode(banner);
    const onPage = p.host.page.children.length;
    const reply = await p.ask({ type: 'export-references', id: 1, nodeIds: [banner.id], maxLongSide: 2048, skipCache: true });
    expect(reply).toMatchObject({ ok: true });
    const sent = p.sent.flatMap((m) => (m.type === 'reference' && 'bytes' in m.reference ? [m.reference.bytes] : []));
    const { data, info } = await sharp(sent[0]!).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(info.width, info.height)).toBeGreaterThanOrEqual(300);
    expect(Math.max(info.width, info.height)).toBeLessThanOrEqual(2048);
    // The padding (top row) is the banner's own colour.
    expect([data[0], data[1], data[2]]).toEqual([32, 58, 67]);
    expect(snapshotNode(banner)).toBe(before);
    expect(p.host.page.children).toHaveLength(onPage);
  });
});

describe('regressions found by the fault simulation (test/sim)', () => {
  /** A result placed while another plugin's data fills clientStorage's 5 MB: the write that records the placement fails. */
  async function placedWhileStorageFull() {
    const p = bootPlugin();
    const source = p.host.addFrame('Box front', { x: 0, y: 0, width: 1152, height: 864 });
    await p.ask({ type: 'pending-save', id: 1, run: run([source.id]) });
    p.host.storage.set('designerJunk', 'x'.repeat(5 * 1024 * 1024));
    const first = await p.ask({ type: 'place-result', id: 2, runId: 'run-1', taskUUID: taskId(0), imageUUID: 'img-0', bytes: await png(1152, 864) });
    expect(first).toMatchObject({ ok: true });
    p.host.storage.delete('designerJunk');
    return { p, source, nodeId: (first as { value: { nodeId: string } }).value.nodeId };
  }
  /** The next open polls the run again (it is still pending) and is handed the same image. */
  async function placeAgainAfterReopen(p: BootedPlugin) {
    p.reopen();
    await p.ready();
    return p.ask({ type: 'place-result', id: 3, runId: 'run-1', taskUUID: taskId(0), imageUUID: 'img-0', bytes: await png(1152, 864) });
  }

  it('regression: clientStorage full when a result is placed: the image is placed once, and not again at the next open', async () => {
    const { p, nodeId } = await placedWhileStorageFull();
    expect(await placeAgainAfterReopen(p)).toMatchObject({ ok: true, value: { nodeId } });
    expect(p.host.page.children.filter((n) => n.name.startsWith('Box front — Riverflow'))).toHaveLength(1);
  });

  it('regression: clientStorage full at placement, then the source deleted and the file reopened on another page: placed once', async () => {
    const { p, source } = await placedWhileStorageFull();
    source.remove();
    p.host.goToPage(p.host.addPage('Elsewhere'));
    expect(await placeAgainAfterReopen(p)).toMatchObject({ ok: true });
    const results = p.host.everyNode().filter(({ node }) => node.name.includes('Riverflow'));
    expect(results).toHaveLength(1);
  });
});
