import { describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';
import { readImageSize } from '../../core/imageInfo.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { bootPlugin } from '../helpers/bootPlugin.ts';

/** Rules of the real Figma that the fake enforces, and the plugin keeps. */
const png = async (w: number, h: number) =>
  new Uint8Array(
    await sharp({ create: { width: w, height: h, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer(),
  );
const TASK = '11111111-2222-4333-8444-555555555555';
const run = (sourceNodeIds: string[], over: Partial<PendingRun> = {}): PendingRun => ({
  runId: 'run-1',
  fileId: '',
  prompt: 'Indigo',
  width: 1024,
  height: 1024,
  sourceNodeIds,
  createdAt: 1,
  tasks: [{ taskUUID: TASK, accepted: true }],
  ...over,
});

describe('dynamic-page: other pages are loaded before they are read or changed', () => {
  it('places a result beside its source on another, unloaded page', async () => {
    const p = bootPlugin();
    const other = p.host.addPage('Packaging');
    const source = p.host.addFrame('Box on page 2', { x: 0, y: 0, width: 600, height: 600 }, undefined, 'FRAME', other);
    other.loaded = false;
    await p.ask({ type: 'pending-save', id: 1, run: run([source.id]) });
    const r = await p.ask({ type: 'place-result', id: 2, runId: 'run-1', taskUUID: TASK, imageUUID: 'i', bytes: await png(1024, 1024) });
    expect(r).toMatchObject({ ok: true });
    expect(other.children.map((n) => n.name)).toEqual(['Box on page 2', 'Box on page 2 — Riverflow 1']);
    // Not selected on a page the designer is not looking at.
    expect(p.host.page.selection).toEqual([]);
  });

  it('"Select on canvas" switches to the results’ page first', async () => {
    const p = bootPlugin();
    const other = p.host.addPage('Archive');
    const result = p.host.addFrame('Old result', { x: 0, y: 0, width: 100, height: 100 }, undefined, 'RECTANGLE', other);
    other.loaded = false;
    const r = await p.ask({ type: 'select-nodes', id: 1, nodeIds: [result.id] });
    expect(r.ok).toBe(true);
    expect(p.host.page.id).toBe(other.id);
    expect(p.host.page.selection.map((n) => n.id)).toEqual([result.id]);
  });
});

describe('export geometry', () => {
  it('plans the reference from the rendered bounds (a shadow widens the export), keeping the ratio and the cap', async () => {
    const p = bootPlugin();
    await p.ready();
    const card = p.host.addFrame('Card with shadow', { x: 0, y: 0, width: 1000, height: 1000 });
    card.effects = [
      {
        type: 'DROP_SHADOW',
        visible: true,
        radius: 100,
        spread: 0,
        offset: { x: 400, y: 0 },
        color: { r: 0, g: 0, b: 0, a: 0.5 },
        blendMode: 'NORMAL',
      } as DropShadowEffect,
    ];
    p.host.select([card]);
    const sel = await p.waitFor('selection', (m) => m.nodes.length === 1);
    // Rendered 1500×1200 (shadow 400 px right, 100 px blur): the size match follows what is sent.
    expect(sel.nodes[0]).toMatchObject({ width: 1500, height: 1200 });
    await p.ask({ type: 'export-references', id: 1, nodeIds: [card.id], maxLongSide: 4000, skipCache: true });
    const ref = p.sent.find((m) => m.type === 'reference');
    const size = ref?.type === 'reference' && 'bytes' in ref.reference ? readImageSize(ref.reference.bytes) : undefined;
    expect(size).toEqual({ width: 1500, height: 1200 });
  });
});

describe('selection order', () => {
  it('opened on a multi-selection it did not watch: reading order, and says so', async () => {
    const p = bootPlugin({
      setup: (host) => {
        const right = host.addFrame('Right', { x: 2000, y: 0, width: 100, height: 100 });
        const left = host.addFrame('Left', { x: 0, y: 0, width: 100, height: 100 });
        host.select([right, left]);
      },
    });
    p.tell({ type: 'ui-ready' });
    const sel = await p.waitFor('selection');
    expect(sel.nodes.map((n) => n.name)).toEqual(['Left', 'Right']);
    expect(sel.order).toBe('reading');
  });
});

describe('files: clientStorage is per user, node ids repeat across files', () => {
  it('recovers a pending run only in its own file, and mentions it elsewhere', async () => {
    const p = bootPlugin();
    const a = p.host.addFrame('Box in file A', { x: 0, y: 0, width: 600, height: 600 });
    await p.ask({ type: 'pending-save', id: 1, run: run([a.id]) });
    // File B: its first frame has the very same id as A's source.
    p.host.openFile();
    const b = p.host.addFrame('Unrelated in file B', { x: 0, y: 0, width: 600, height: 600 });
    expect(b.id).toBe(a.id);
    p.reopen();
    p.tell({ type: 'ui-ready' });
    const init = await p.waitFor('init');
    expect(init.pending).toEqual([]);
    expect(init.pendingElsewhere).toBe(1);
    const placed = await p.ask({ type: 'place-result', id: 2, runId: 'run-1', taskUUID: TASK, imageUUID: 'i', bytes: await png(1024, 1024) });
    expect(placed).toMatchObject({ ok: false, message: 'This result belongs to another file, so it was not placed here.' });
    expect(p.host.page.children).toHaveLength(1);
    // Back in file A, it is recovered there.
    p.host.openFile(0);
    p.reopen();
    p.tell({ type: 'ui-ready' });
    expect((await p.waitFor('init')).pending.map((r) => r.runId)).toEqual(['run-1']);
  });
});

describe('every request ends', () => {
  it('a handler that fails (clientStorage over its 5 MB) answers ok:false with words a person understands', async () => {
    const p = bootPlugin({ storage: { filler: 'x'.repeat(5 * 1024 * 1024) } });
    const r = await p.ask({ type: 'save-key', id: 1, apiKey: 'AbCdEf0123456789AbCdEf0123456789' });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^Figma could not do that: /) });
  });

  it('a result whose run is unknown is refused, not left waiting', async () => {
    const p = bootPlugin();
    const r = await p.ask({ type: 'place-result', id: 1, runId: 'nope', taskUUID: TASK, imageUUID: 'i', bytes: await png(10, 10) });
    expect(r).toMatchObject({ ok: false, message: 'This result’s run is no longer known, so it was not placed.' });
  });
});

describe('a stored record that is not usable falls back, with a reason, and no secret in it', () => {
  it('settings out of range fall back to the defaults', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const p = bootPlugin({ storage: { settings: { numberResults: 99, outputFormat: 'PNG', outputQuality: 95, checkContent: false } } });
    p.tell({ type: 'ui-ready' });
    expect((await p.waitFor('init')).settings.numberResults).toBe(1);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/stored settings record is not usable/);
    warn.mockRestore();
  });
});

describe('keep one result of a run', () => {
  it('removes only that run’s other variations, never a source or another run’s result, in one undo step', async () => {
    const p = bootPlugin();
    const source = p.host.addFrame('Box', { x: 0, y: 0, width: 600, height: 600 });
    const tasks = ['11111111-2222-4333-8444-555555555551', '11111111-2222-4333-8444-555555555552', '11111111-2222-4333-8444-555555555553'];
    await p.ask({ type: 'pending-save', id: 1, run: run([source.id], { tasks: tasks.map((taskUUID) => ({ taskUUID, accepted: true })) }) });
    await p.ask({ type: 'pending-save', id: 2, run: run([source.id], { runId: 'run-2' }) });
    const ids: string[] = [];
    for (const [i, taskUUID] of tasks.entries()) {
      const r = await p.ask({ type: 'place-result', id: 10 + i, runId: 'run-1', taskUUID, imageUUID: `i${i}`, bytes: await png(1024, 1024) });
      if (r.ok) ids.push((r.value as { nodeId: string }).nodeId);
    }
    await p.ask({ type: 'place-result', id: 20, runId: 'run-2', taskUUID: TASK, imageUUID: 'other', bytes: await png(1024, 1024) });
    const undo = p.host.undoSteps.count;
    const kept = await p.ask({ type: 'keep-result', id: 30, runId: 'run-1', nodeId: ids[1]! });
    expect(kept).toMatchObject({ ok: true, value: { removed: 2 } });
    expect(p.host.page.children.map((n) => n.name)).toEqual(['Box', 'Box — Riverflow 2', 'Box — Riverflow 1']);
    expect(p.host.node(ids[1]!)).toBeDefined();
    expect(p.host.undoSteps.count).toBe(undo + 1);
    expect(source.writes).toBe(0);
  });
});
