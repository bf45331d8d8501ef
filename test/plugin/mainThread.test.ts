import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../core/records/settings.ts';
import sharp from 'sharp';
import { readImageSize } from '../../core/imageInfo.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { ProvenanceSchema } from '../../core/records/provenance.ts';
import { snapshotNode } from '../../dev/fake-figma/figma.ts';
import { bootPlugin } from '../helpers/bootPlugin.ts';

const KEY = 'AbCdEf0123456789AbCdEf0123456789';
const png = async (w: number, h: number) =>
  new Uint8Array(
    await sharp({ create: { width: w, height: h, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer(),
  );
const TASK = '11111111-2222-4333-8444-555555555555';
const taskId = (i: number) => `11111111-2222-4333-8444-55555555555${i}`;
const run = (over: Partial<PendingRun> = {}, variations = 1): PendingRun => ({
  runId: 'run-1',
  fileId: '',
  prompt: 'Make it indigo',
  width: 1152,
  height: 864,
  sourceNodeIds: [],
  createdAt: 1,
  tasks: Array.from({ length: variations }, (_, i) => ({ taskUUID: variations === 1 ? TASK : taskId(i), accepted: true })),
  ...over,
});

describe('main thread, run from dist/code.js against the fake figma', () => {
  it('opens with themeColors and tells the UI what is selected, in the order it was picked', async () => {
    const p = bootPlugin();
    const { host } = p;
    await p.ready();
    expect(host.uiOptions.value).toMatchObject({ themeColors: true, width: 340, height: 640 });
    const a = host.addFrame('Box front', { x: 0, y: 0, width: 1152, height: 864 });
    const b = host.addFrame('Label', { x: 2000, y: 0, width: 600, height: 800 });
    const hidden = host.addFrame('Old logo', { x: 0, y: 1000, width: 100, height: 100 });
    hidden.visible = false;
    const text = host.addFrame('Caption', { x: 0, y: 2000, width: 100, height: 20 }, undefined, 'TEXT');
    host.select([b]);
    await p.waitFor('selection');
    // Figma (and the fake) report a selection in layer order; the plugin keeps the picking order.
    host.select([b, hidden, a, text]);
    const sel = await p.waitFor('selection', (m) => m.nodes.length === 2);
    expect(sel.nodes.map((n) => n.name)).toEqual(['Label', 'Box front']);
    expect(sel.order).toBe('picked');
    expect(sel.skipped).toEqual([
      { name: 'Old logo', reason: 'is hidden' },
      { name: 'Caption', reason: 'is not a frame, group, component or image' },
    ]);
    p.tell({ type: 'ui-ready' });
    const init = await p.waitFor('init');
    expect(init).toMatchObject({ apiKey: null, pending: [], pendingElsewhere: 0, endpoints: null, relaunch: null });
  });

  it('lists every usable frame, past ten too: the 10-reference limit belongs to combining, which the panel applies', async () => {
    const p = bootPlugin();
    await p.ready();
    const frames = Array.from({ length: 50 }, (_, i) => p.host.addFrame(`F${i}`, { x: i * 200, y: 0, width: 100, height: 100 }));
    p.host.select(frames);
    const sel = await p.waitFor('selection');
    expect(sel.nodes).toHaveLength(50);
    expect(sel.skipped).toEqual([]);
  });

  it('exports each reference in its own message, sized for the model', async () => {
    const p = bootPlugin();
    const big = p.host.addFrame('Poster', { x: 0, y: 0, width: 4000, height: 3000 });
    const tiny = p.host.addFrame('Icon', { x: 0, y: 0, width: 1, height: 1 });
    const reply = await p.ask({ type: 'export-references', id: 1, nodeIds: [big.id, tiny.id], maxLongSide: 1152, skipCache: false });
    expect(reply).toMatchObject({ ok: true, value: { count: 2 } });
    const refs = p.sent.flatMap((m) => (m.type === 'reference' && 'bytes' in m.reference ? [m.reference.bytes] : []));
    expect(refs).toHaveLength(2);
    const sizes = refs.map((bytes) => readImageSize(bytes));
    expect(sizes[0]).toEqual({ width: 1152, height: 864 });
    expect(sizes[1]).toEqual({ width: 300, height: 300 });
  });

  it('sends a placed photo’s original file when it fits, and exports it when it does not', async () => {
    const p = bootPlugin();
    const jpg = new Uint8Array(
      await sharp({ create: { width: 1000, height: 750, channels: 3, background: '#a63' } })
        .jpeg()
        .toBuffer(),
    );
    const hash = p.host.figma.createImage(jpg).hash;
    const photo = (name: string, w: number, h: number) => {
      const n = p.host.addFrame(name, { x: 0, y: 0, width: w, height: h }, undefined, 'RECTANGLE');
      n.fills = [{ type: 'IMAGE', imageHash: hash, scaleMode: 'FILL' } as ImagePaint];
      return n;
    };
    const fits = photo('Photo', 500, 375);
    const cropped = photo('Cropped photo', 500, 500);
    const rotated = photo('Tilted photo', 500, 375);
    rotated.rotation = 5;
    // The fill turned by its own rotation shows the file turned: the file itself would be wrong.
    const turned = photo('Turned fill', 500, 375);
    turned.fills = [{ type: 'IMAGE', imageHash: hash, scaleMode: 'FILL', rotation: 90 } as ImagePaint];
    await p.ask({ type: 'export-references', id: 1, nodeIds: [fits.id, cropped.id, rotated.id, turned.id], maxLongSide: 1152, skipCache: true });
    const refs = p.sent.flatMap((m) => (m.type === 'reference' && 'bytes' in m.reference ? [m.reference] : []));
    expect(refs[0]).toMatchObject({ mime: 'image/jpeg', bytes: jpg });
    for (const r of refs.slice(1)) expect(r.bytes).not.toEqual(jpg);
    expect(p.host.exportCalls.map((c) => c.nodeId)).toEqual([cropped.id, rotated.id, turned.id]);
    // Over what the output needs (long side 1000 > 864): exported instead, at the node's 1× size.
    p.sent.length = 0;
    await p.ask({ type: 'export-references', id: 2, nodeIds: [fits.id], maxLongSide: 864, skipCache: true });
    const small = p.sent.find((m) => m.type === 'reference');
    expect(small?.type === 'reference' && 'bytes' in small.reference && readImageSize(small.reference.bytes)).toEqual({ width: 500, height: 375 });
  });

  it('sends no bytes for a reference whose upload is cached', async () => {
    const p = bootPlugin();
    const f = p.host.addFrame('Box', { x: 0, y: 0, width: 600, height: 600 });
    await p.ask({ type: 'export-references', id: 1, nodeIds: [f.id], maxLongSide: 1024, skipCache: false });
    const first = p.sent.find((m) => m.type === 'reference');
    if (first?.type !== 'reference') throw new Error('no reference');
    p.tell({ type: 'remember-upload', hash: first.reference.hash, imageUUID: 'c0ffee00-0000-4000-8000-000000000001' });
    await vi.waitFor(() => expect(p.host.storage.get('uploads')).toBeDefined());
    p.sent.length = 0;
    await p.ask({ type: 'export-references', id: 2, nodeIds: [f.id], maxLongSide: 1024, skipCache: false });
    const again = p.sent.find((m) => m.type === 'reference');
    expect(again?.type === 'reference' && again.reference).toMatchObject({ cachedUUID: 'c0ffee00-0000-4000-8000-000000000001' });
    expect(again?.type === 'reference' && 'bytes' in again.reference).toBe(false);
  });

  it('says so when a selected frame was deleted before the run', async () => {
    const p = bootPlugin();
    const f = p.host.addFrame('Box', { x: 0, y: 0, width: 600, height: 600 });
    f.remove();
    const reply = await p.ask({ type: 'export-references', id: 1, nodeIds: [f.id], maxLongSide: 1024, skipCache: false });
    expect(reply).toMatchObject({ ok: false, message: 'A selected frame was deleted. Select it again.' });
  });

  it('places a result beside the untouched source: image fill, name, provenance, relaunch, one undo step', async () => {
    const p = bootPlugin();
    const source = p.host.addFrame('Box front', { x: 0, y: 0, width: 1152, height: 864 });
    const neighbour = p.host.addFrame('Neighbour', { x: 1200, y: 0, width: 400, height: 400 });
    const before = snapshotNode(source);
    await p.ask({ type: 'save-key', id: 1, apiKey: KEY });
    await p.ask({ type: 'pending-save', id: 2, run: run({ sourceNodeIds: [source.id] }) });
    const steps = p.host.undoSteps.count;
    const reply = await p.ask({
      type: 'place-result',
      id: 3,
      runId: 'run-1',
      taskUUID: TASK,
      imageUUID: 'img-1',
      bytes: await png(1152, 864),
      seed: 42,
      cost: 0.077,
    });
    if (!reply.ok) throw new Error(reply.message);
    const placed = p.host.node((reply.value as { nodeId: string }).nodeId);
    if (!placed || placed.type === 'PAGE' || placed.type === 'DOCUMENT') throw new Error('not placed');
    expect(placed.name).toBe('Box front — Riverflow 1');
    expect(placed.fills[0]).toMatchObject({ type: 'IMAGE', scaleMode: 'FILL' });
    expect([placed.width, placed.height]).toEqual([1152, 864]);
    expect(placed.x).toBeGreaterThanOrEqual(neighbour.x + neighbour.width);
    expect(placed.y).toBe(0);
    const provenance = ProvenanceSchema.parse(JSON.parse(placed.getPluginData('riverflow')));
    expect(provenance).toMatchObject({
      prompt: 'Make it indigo',
      model: 'sourceful:1@2',
      runId: 'run-1',
      taskUUID: TASK,
      imageUUID: 'img-1',
      seed: 42,
      cost: 0.077,
      sourceNodeId: source.id,
    });
    expect(placed.getRelaunchData()).toEqual({ edit: 'Edit with Riverflow' });
    expect(p.host.page.selection.map((n) => n.id)).toEqual([placed.id]);
    expect(p.host.scrolledTo.at(-1)).toEqual([placed.id]);
    expect(p.host.undoSteps.count).toBe(steps + 1);
    expect(snapshotNode(source)).toBe(before);
    // The key lives in clientStorage only: not in any node's data or name.
    for (const n of p.host.page.findAll()) {
      expect(n.name).not.toContain(KEY);
      for (const k of n.getPluginDataKeys()) expect(n.getPluginData(k)).not.toContain(KEY);
    }
    expect(p.host.storage.get('apiKey')).toBe(KEY);
  });

  it('sends a History preview of at most 64 KB: the one the UI made at placement, else a small export, never the image fill', async () => {
    const p = bootPlugin();
    const source = p.host.addFrame('Poster', { x: 0, y: 0, width: 4096, height: 4096 });
    await p.ask({ type: 'pending-save', id: 1, run: run({ sourceNodeIds: [source.id], width: 4096, height: 4096 }, 2) });
    // A noisy 4096² image: its fill is megabytes, far over what a 96 px row needs.
    const raw = Buffer.alloc(4096 * 4096 * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
    const big = new Uint8Array(
      await sharp(raw, { raw: { width: 4096, height: 4096, channels: 3 } })
        .png({ compressionLevel: 1 })
        .toBuffer(),
    );
    expect(big.length).toBeGreaterThan(1_000_000);
    const preview = Buffer.from(
      await sharp({ create: { width: 192, height: 192, channels: 3, background: '#36a' } })
        .jpeg()
        .toBuffer(),
    ).toString('base64');
    const withPreview = await p.ask({ type: 'place-result', id: 2, runId: 'run-1', taskUUID: taskId(0), imageUUID: 'a', bytes: big, preview });
    // A result placed by an older version carries no preview.
    const without = await p.ask({ type: 'place-result', id: 3, runId: 'run-1', taskUUID: taskId(1), imageUUID: 'b', bytes: big });
    if (!withPreview.ok || !without.ok) throw new Error('not placed');
    const ids = [withPreview.value, without.value].map((v) => (v as { nodeId: string }).nodeId);
    p.tell({ type: 'get-thumbnails', nodeIds: ids });
    const first = await p.waitFor('thumbnail', (m) => m.nodeId === ids[0]);
    const second = await p.waitFor('thumbnail', (m) => m.nodeId === ids[1]);
    expect(first).toMatchObject({ bytes: null, preview });
    expect(second.preview).toBeUndefined();
    expect(second.bytes!.length).toBeLessThanOrEqual(64 * 1024);
    expect(readImageSize(second.bytes!)).toEqual({ width: 96, height: 96 });
  });

  it('places a repeated result once, and fills a grid for several', async () => {
    const p = bootPlugin();
    const source = p.host.addFrame('Label', { x: 0, y: 0, width: 600, height: 800 });
    await p.ask({ type: 'pending-save', id: 1, run: run({ sourceNodeIds: [source.id], width: 864, height: 1152 }, 3) });
    const ids: string[] = [];
    for (const [i, [task, uuid]] of (
      [
        [0, 'a'],
        [1, 'b'],
        [0, 'a'],
        [2, 'c'],
      ] as const
    ).entries()) {
      const r = await p.ask({ type: 'place-result', id: 10 + i, runId: 'run-1', taskUUID: taskId(task), imageUUID: uuid, bytes: await png(864, 1152) });
      if (!r.ok) throw new Error(r.message);
      ids.push((r.value as { nodeId: string }).nodeId);
    }
    expect(ids[2]).toBe(ids[0]);
    const results = p.host.page.children.filter((n) => n.name.startsWith('Label — Riverflow'));
    expect(results.map((n) => n.name)).toEqual(['Label — Riverflow 1', 'Label — Riverflow 2', 'Label — Riverflow 3']);
    const gaps = [results[1]!.x - (results[0]!.x + 600), results[2]!.x - (results[1]!.x + 600)];
    expect(gaps[0]).toBe(gaps[1]);
    expect(p.host.page.selection).toHaveLength(3);
  });

  it('places at the viewport centre when the source was deleted', async () => {
    const p = bootPlugin();
    const source = p.host.addFrame('Gone', { x: 0, y: 0, width: 600, height: 600 });
    source.remove();
    await p.ask({ type: 'pending-save', id: 1, run: run({ sourceNodeIds: [source.id], width: 1024, height: 1024 }) });
    const r = await p.ask({ type: 'place-result', id: 2, runId: 'run-1', taskUUID: TASK, imageUUID: 'x', bytes: await png(1024, 1024) });
    if (!r.ok) throw new Error(r.message);
    const node = p.host.node((r.value as { nodeId: string }).nodeId);
    if (!node || node.type === 'PAGE' || node.type === 'DOCUMENT') throw new Error('not placed');
    expect(node.name).toBe('Riverflow result — Riverflow 1');
    expect(Math.abs(node.x + node.width / 2 - 600)).toBeLessThan(1);
  });

  it('answers a WEBP or oversized image with a failure and adds no node', async () => {
    const p = bootPlugin();
    const source = p.host.addFrame('Box', { x: 0, y: 0, width: 600, height: 600 });
    await p.ask({ type: 'pending-save', id: 1, run: run({ sourceNodeIds: [source.id] }, 2) });
    const steps = p.host.undoSteps.count;
    const webp = new Uint8Array(
      await sharp({ create: { width: 64, height: 64, channels: 3, background: '#f00' } })
        .webp()
        .toBuffer(),
    );
    const r = await p.ask({ type: 'place-result', id: 2, runId: 'run-1', taskUUID: taskId(0), imageUUID: 'w', bytes: webp });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^Figma could not place the image: /) });
    const huge = await p.ask({ type: 'place-result', id: 3, runId: 'run-1', taskUUID: taskId(1), imageUUID: 'h', bytes: await png(4097, 10) });
    expect(huge).toMatchObject({ ok: false, message: expect.stringMatching(/^Figma could not place the image: /) });
    expect(p.host.page.children).toHaveLength(1);
    expect(p.host.undoSteps.count).toBe(steps);
  });

  it('forgets the key on request', async () => {
    const p = bootPlugin();
    await p.ask({ type: 'save-key', id: 1, apiKey: KEY });
    await p.ask({ type: 'forget-key', id: 2 });
    expect(p.host.storage.has('apiKey')).toBe(false);
  });

  it('answers pin-reference and star-results with the state they changed: the pins, the page’s history', async () => {
    const p = bootPlugin();
    const logo = p.host.addFrame('Logo', { x: 0, y: 0, width: 400, height: 400 });
    const pinned = await p.ask({ type: 'pin-reference', id: 1, nodeId: logo.id, pinned: true });
    expect(pinned).toMatchObject({ ok: true, value: { nodes: [{ id: logo.id, name: 'Logo' }], missing: 0 } });
    expect(await p.ask({ type: 'pin-reference', id: 2, nodeId: logo.id, pinned: false })).toMatchObject({ ok: true, value: { nodes: [], missing: 0 } });
    const source = p.host.addFrame('Box front', { x: 1000, y: 0, width: 1152, height: 864 });
    await p.ask({ type: 'pending-save', id: 3, run: run({ sourceNodeIds: [source.id] }) });
    const placed = await p.ask({ type: 'place-result', id: 4, runId: 'run-1', taskUUID: TASK, imageUUID: 'i', bytes: await png(1152, 864) });
    const nodeId = (placed as { value: { nodeId: string } }).value.nodeId;
    const starred = await p.ask({ type: 'star-results', id: 5, nodeIds: [nodeId], starred: true });
    expect(starred).toMatchObject({ ok: true, value: { results: [{ nodeId, starred: true }] } });
  });

  it('ignores an endpoint override that is not loopback', async () => {
    const p = bootPlugin({ storage: { devEndpoints: { rest: 'https://evil.example/v1', ws: 'wss://evil.example/v1' } } });
    p.tell({ type: 'ui-ready' });
    expect((await p.waitFor('init')).endpoints).toBeNull();
  });

  it('accepts a loopback endpoint override although the main thread has no URL', async () => {
    const local = { rest: 'http://127.0.0.1:8787/v1', ws: 'ws://localhost:8787/v1' };
    const p = bootPlugin({ storage: { devEndpoints: local } });
    p.tell({ type: 'ui-ready' });
    expect((await p.waitFor('init')).endpoints).toEqual(local);
  });
});

describe('quick edit', () => {
  it('suggests sizes and recent prompts while the designer types, and shows no UI in that mode', async () => {
    const p = bootPlugin({ storage: { recentPrompts: ['Make it teal', 'Add gold foil', 'Teal ribbon'] } });
    expect(await p.host.input('size', '16:9')).toEqual([{ name: '1K · 16:9 · 1280×720', data: '1K (16:9)' }]);
    expect(await p.host.input('size', '')).toHaveLength(11);
    expect(await p.host.input('prompt', 'teal', { size: '1K (16:9)' })).toEqual(['Make it teal', 'Teal ribbon']);
  });

  it('suggests the sizes of the model the designer last chose', async () => {
    const p = bootPlugin({ storage: { settings: { ...DEFAULT_SETTINGS, model: 'sourceful:riverflow-2.0@pro' } } });
    expect(await p.host.input('size', '')).toHaveLength(30);
    expect(await p.host.input('size', '4K · 7:3')).toEqual([{ name: '4K · 7:3 · 6048×2592', data: '4K (7:3)' }]);
  });

  it('starts the UI hidden with the parameters, and closes with one notification', async () => {
    const p = bootPlugin({ command: 'quick', parameters: { prompt: 'Make it teal', size: '16:9' } });
    await p.ready();
    expect(p.host.uiOptions.value).toMatchObject({ visible: false });
    p.tell({ type: 'ui-ready' });
    expect((await p.waitFor('init')).quickEdit).toEqual({ prompt: 'Make it teal', size: '16:9' });
    // Writes asked for just before the end must land: closing stops Figma's APIs.
    p.tell({ type: 'remember-prompt', prompt: 'Make it teal' });
    p.tell({ type: 'quick-edit-done', message: 'Riverflow placed 1 image beside “Box”.', error: false });
    await vi.waitFor(() => expect(p.host.closed).toBe(true));
    expect(p.host.notifications).toEqual([{ message: 'Riverflow placed 1 image beside “Box”.', error: false }]);
    expect(p.host.storage.get('recentPrompts')).toEqual(['Make it teal']);
  });
});
