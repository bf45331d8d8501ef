import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { compositeSize } from '../../core/composite/areaPlan.ts';
import type { CompositeParts } from '../../core/protocol/composite.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { ProvenanceSchema } from '../../core/records/provenance.ts';
import { snapshotNode, type FakeHost } from '../../dev/fake-figma/figma.ts';
import type { FakeSceneNode } from '../../dev/fake-figma/nodes.ts';
import { sharpRenderer } from '../../dev/fake-figma/renderWithSharp.ts';
import { bootPlugin } from '../helpers/bootPlugin.ts';

const INTER = { family: 'Inter', style: 'Bold' };
const MISSING = { family: 'Brand Sans', style: 'Regular' };

/** A packaging frame with real text layers and a marker drawn on it, as a designer leaves it. */
function packShot(host: FakeHost) {
  const frame = host.addFrame('Pack shot', { x: 0, y: 0, width: 1200, height: 900 }, { background: '#f3ead8', accent: '#2f4f7f', title: '' });
  const price = host.addLayer(frame, { type: 'TEXT', name: 'Price', x: 80, y: 700, characters: '€4.99', font: INTER, fontSize: 96, color: '#101010' });
  const best = host.addLayer(frame, {
    type: 'TEXT',
    name: 'Best before',
    x: 80,
    y: 840,
    characters: 'Best before 12/2027',
    font: MISSING,
    fontSize: 30,
    color: '#101010',
  });
  const marker = host.addLayer(frame, { type: 'ELLIPSE', name: 'Area', x: 700, y: 150, width: 300, height: 240, color: '#ff0000', opacity: 0.5 });
  return { frame, price, best, marker };
}

const pixel = async (bytes: Uint8Array, x: number, y: number) => {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const i = (Math.round(y) * info.width + Math.round(x)) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
};
const dark = (rgb: number[]) => rgb.every((c) => c < 90);

async function start(setup: (host: FakeHost) => void) {
  const p = bootPlugin({ setup: (host) => setup(host), missingFonts: ['Brand Sans Regular'] });
  await p.ready();
  p.tell({ type: 'ui-ready' });
  await p.waitFor('init');
  return p;
}

describe('areas and text kept sharp, on the main thread', () => {
  it('a marker selected alone inside a frame marks an area on that frame, which becomes the base', async () => {
    let shot!: ReturnType<typeof packShot>;
    const p = await start((host) => void (shot = packShot(host)));
    p.host.select([shot.marker]);
    const sel = await p.waitFor('selection', (m) => m.area !== undefined);
    expect(sel.area).toEqual({
      markerId: shot.marker.id,
      markerName: 'Area',
      frameId: shot.frame.id,
      frameName: 'Pack shot',
      box: { x: 700, y: 150, width: 300, height: 240 },
    });
    expect(sel.nodes.map((n) => [n.name, n.textLayers])).toEqual([['Pack shot', 2]]);
    expect(sel.skipped).toEqual([]);
  });

  it('a marker on the page with the frames it covers: the frame it overlaps most; a lone shape is explained', async () => {
    let a!: FakeSceneNode, b!: FakeSceneNode, marker!: FakeSceneNode, stray!: FakeSceneNode;
    const p = await start((host) => {
      a = host.addFrame('A', { x: 0, y: 0, width: 400, height: 400 });
      b = host.addFrame('B', { x: 500, y: 0, width: 400, height: 400 });
      marker = host.addLayer(host.page, { type: 'RECTANGLE', name: 'Mark', x: 380, y: 50, width: 200, height: 100 });
      stray = host.addLayer(host.page, { type: 'ELLIPSE', name: 'Stray', x: 0, y: 2000, width: 50, height: 50 });
    });
    p.host.select([a, marker, b]);
    const sel = await p.waitFor('selection', (m) => m.area !== undefined);
    expect(sel.area).toMatchObject({ frameId: b.id, box: { x: -120, y: 50, width: 200, height: 100 } });
    expect(sel.nodes.map((n) => n.name)).toEqual(['B', 'A']);
    p.host.select([stray]);
    const lone = await p.waitFor('selection', (m) => m.skipped.length > 0);
    expect(lone.skipped).toEqual([{ name: 'Stray', reason: 'is a shape, not a frame (draw it on a frame to mark an area)' }]);
  });

  it('an area edit on Riverflow 2.0 is cropped at the ratio of the size the panel asked for (9:16), never at a 1.x ratio', async () => {
    let frame!: FakeSceneNode, marker!: FakeSceneNode;
    const p = await start((host) => {
      frame = host.addFrame('Bottle label', { x: 0, y: 0, width: 1200, height: 1600 });
      marker = host.addLayer(frame, { type: 'RECTANGLE', name: 'Area', x: 500, y: 300, width: 120, height: 600, color: '#ff0000', opacity: 0.5 });
    });
    // 2.0's 9:16 at 1K; the 1.x table would have matched this tall area to 3:7.
    const preset = { width: 720, height: 1280 };
    const reply = await p.ask({ type: 'prepare-composite', id: 1, frameId: frame.id, markerId: marker.id, keepTextSharp: false, preset, skipCache: false });
    if (!reply.ok) throw new Error(reply.message);
    const parts = reply.value as CompositeParts;
    expect(parts.crop.width / parts.crop.height).toBeCloseTo(720 / 1280, 6);
    const meta = await sharp('bytes' in parts.reference ? parts.reference.bytes : new Uint8Array()).metadata();
    // To the pixel: the exported crop's other side is within a pixel of the asked ratio.
    expect(Math.abs(meta.width! - (meta.height! * 720) / 1280)).toBeLessThanOrEqual(1);
  });

  it('prepare-composite: a crop without the marker and text, a base, the outline; the source untouched, nothing left behind', async () => {
    let shot!: ReturnType<typeof packShot>;
    const p = await start((host) => void (shot = packShot(host)));
    const before = snapshotNode(shot.frame);
    const onPage = p.host.page.children.map((n) => n.id);
    const reply = await p.ask({
      type: 'prepare-composite',
      id: 1,
      frameId: shot.frame.id,
      markerId: shot.marker.id,
      keepTextSharp: true,
      preset: { width: 1280, height: 720 },
      skipCache: false,
    });
    expect(reply.ok).toBe(true);
    const parts = (reply as { value: CompositeParts }).value;
    expect(snapshotNode(shot.frame)).toBe(before);
    expect(p.host.page.children.map((n) => n.id)).toEqual(onPage);
    expect(parts.area).toEqual({ x: 700, y: 150, width: 300, height: 240 });
    // The crop keeps a quarter of the area around it, at the ratio of the preset it was matched to.
    expect(parts.crop.x).toBeLessThanOrEqual(700 - 75);
    expect(parts.crop.y).toBeLessThanOrEqual(150 - 60);
    const ref = 'bytes' in parts.reference ? parts.reference.bytes : new Uint8Array();
    const refMeta = await sharp(ref).metadata();
    expect(refMeta.width! / refMeta.height!).toBeCloseTo(parts.crop.width / parts.crop.height, 1);
    // No marker in what is sent: the area's centre shows the frame's artwork, not red.
    const sx = refMeta.width! / parts.crop.width;
    const centre = await pixel(ref, (850 - parts.crop.x) * sx, (270 - parts.crop.y) * sx);
    // (The marker's half-transparent red over the blue circle would read about 151, 40, 64 here.)
    expect(centre[0]! > 140 && centre[1]! < 110).toBe(false);
    expect(centre[2]!).toBeGreaterThan(centre[0]!);
    // The base: the whole frame at the composite scale, its text hidden (the price's pixels are background).
    const size = compositeSize(parts.size, parts.scale);
    expect(await sharp(parts.base!).metadata()).toMatchObject(size);
    const plain = await shot.frame.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: parts.scale } });
    const inPrice = [110 * parts.scale, 760 * parts.scale] as const;
    expect(dark(await pixel(plain, ...inPrice))).toBe(true);
    expect(dark(await pixel(parts.base!, ...inPrice))).toBe(false);
    expect(parts.mask?.transform).toEqual([
      [1, 0, 700],
      [0, 1, 150],
    ]);
    expect(parts.mask?.paths[0]?.data).toMatch(/^M 300 120 A 150 120/);
    // "Best before" is in a font this machine lacks: drawn into the image from its own render.
    expect(parts.drawnText).toEqual(['Best before']);
    expect(parts.overlays.map((o) => o.box)).toEqual([{ x: 80, y: 840, width: shot.best.width, height: shot.best.height }]);
  });

  it('a composite result is a frame the source’s size with the image and live copies of its text, in one undo step', async () => {
    let shot!: ReturnType<typeof packShot>;
    const p = await start((host) => void (shot = packShot(host)));
    const before = snapshotNode(shot.frame);
    const run: PendingRun = {
      runId: 'run-a',
      fileId: '',
      prompt: 'A lemon slice',
      width: 1280,
      height: 720,
      sourceNodeIds: [shot.frame.id],
      createdAt: 1,
      tasks: [{ taskUUID: '11111111-2222-4333-8444-555555555555', accepted: true }],
      composite: {
        frameId: shot.frame.id,
        markerId: shot.marker.id,
        markerName: 'Area',
        keepTextSharp: true,
        featherPercent: 3,
        size: { width: 1200, height: 900 },
        area: { x: 700, y: 150, width: 300, height: 240 },
      },
    };
    expect((await p.ask({ type: 'pending-save', id: 1, run })).ok).toBe(true);
    const undo = p.host.undoSteps.count;
    const bytes = new Uint8Array(
      await sharp({ create: { width: 1800, height: 1350, channels: 3, background: '#3a6' } })
        .png()
        .toBuffer(),
    );
    const reply = await p.ask({ type: 'place-result', id: 2, runId: 'run-a', taskUUID: run.tasks[0]!.taskUUID, imageUUID: 'img-1', bytes });
    expect(reply.ok).toBe(true);
    const node = p.host.node((reply as { value: { nodeId: string } }).value.nodeId) as FakeSceneNode;
    expect(node.type).toBe('FRAME');
    expect(node.name).toBe('Pack shot — Riverflow area 1');
    expect([node.width, node.height]).toEqual([1200, 900]);
    expect(node.fills[0]).toMatchObject({ type: 'IMAGE', scaleMode: 'FILL' });
    // Only the text whose font loads stays live text, at the same place inside the frame.
    expect(node.children.map((c) => [c.type, c.name, c.x, c.y, Reflect.get(c, 'characters')])).toEqual([['TEXT', 'Price', 80, 700, '€4.99']]);
    expect(ProvenanceSchema.parse(JSON.parse(node.getPluginData('riverflow')))).toMatchObject({
      area: { x: 700, y: 150, width: 300, height: 240 },
      marker: 'Area',
      keepTextSharp: true,
    });
    expect(p.host.undoSteps.count - undo).toBe(1);
    expect(snapshotNode(shot.frame)).toBe(before);
    // Upscaled from its own pixels, not by imageUUID: Runware holds the model's crop, not this composite.
    p.host.select([node]);
    const sel = await p.waitFor('selection', (m) => m.nodes[0]?.id === node.id);
    expect(sel.nodes[0]?.result).toEqual({ width: 1800, height: 1350, liveText: true });
  });

  it('temporary copies left by a crash (a copy inside its clipping frame) are swept when the plugin starts', async () => {
    const p = await start((host) => {
      const clip = host.addFrame('Riverflow temporary copy (removed automatically)', { x: 0, y: 0, width: 10, height: 10 });
      const copy = host.addFrame('Riverflow temporary copy (removed automatically)', { x: 0, y: 0, width: 10, height: 10 });
      clip.appendChild(copy);
      for (const n of [clip, copy]) n.setPluginData('riverflowTemporary', '1');
      host.addFrame('Box front', { x: 0, y: 100, width: 10, height: 10 });
    });
    expect(p.host.page.children.map((n) => n.name)).toEqual(['Box front']);
  });

  it('closed in the middle of an area export, the plugin takes its temporary copy with it (Figma’s close event)', async () => {
    let shot!: ReturnType<typeof packShot>;
    // The export waits until the designer has closed the plugin.
    let exporting!: () => void;
    const started = new Promise<void>((resolve) => (exporting = resolve));
    const render = sharpRenderer();
    const p = bootPlugin({
      setup: (host) => void (shot = packShot(host)),
      render: async (...args) => {
        exporting();
        await new Promise(() => {});
        return render(...args);
      },
    });
    await p.ready();
    p.tell({ type: 'ui-ready' });
    await p.waitFor('init');
    const before = snapshotNode(shot.frame);
    p.tell({
      type: 'prepare-composite',
      id: 4,
      frameId: shot.frame.id,
      markerId: shot.marker.id,
      keepTextSharp: false,
      preset: { width: 1280, height: 720 },
      skipCache: false,
    });
    await started;
    expect(p.host.page.children.some((n) => n.getPluginData('riverflowTemporary'))).toBe(true);
    p.host.close();
    expect(p.host.page.children.map((n) => n.name)).toEqual(['Pack shot']);
    expect(snapshotNode(shot.frame)).toBe(before);
  });

  it('a deleted marker is a clear message', async () => {
    let shot!: ReturnType<typeof packShot>;
    const p = await start((host) => void (shot = packShot(host)));
    const markerId = shot.marker.id;
    shot.marker.remove();
    const reply = await p.ask({
      type: 'prepare-composite',
      id: 3,
      frameId: shot.frame.id,
      markerId,
      keepTextSharp: false,
      preset: { width: 1280, height: 720 },
      skipCache: false,
    });
    expect(reply).toMatchObject({ ok: false, message: 'The marked area was deleted. Draw it again, or turn off “Edit only this area”.' });
  });

  it('a vector marker’s own outline is the mask; a marker off its frame is a clear message', async () => {
    let frame!: FakeSceneNode, star!: FakeSceneNode, off!: FakeSceneNode;
    const p = await start((host) => {
      frame = host.addFrame('Label', { x: 0, y: 0, width: 600, height: 800 });
      star = host.addLayer(frame, { type: 'VECTOR', name: 'Blob', x: 100, y: 200, width: 200, height: 150, path: 'M 0 75 L 100 0 L 200 75 L 100 150 Z' });
      off = host.addLayer(frame, { type: 'RECTANGLE', name: 'Outside', x: 700, y: 0, width: 50, height: 50 });
    });
    const reply = await p.ask({
      type: 'prepare-composite',
      id: 1,
      frameId: frame.id,
      markerId: star.id,
      keepTextSharp: false,
      preset: { width: 1024, height: 1024 },
      skipCache: false,
    });
    const parts = (reply as { value: CompositeParts }).value;
    expect(parts.mask).toEqual({
      paths: [{ windingRule: 'NONZERO', data: 'M 0 75 L 100 0 L 200 75 L 100 150 Z' }],
      transform: [
        [1, 0, 100],
        [0, 1, 200],
      ],
    });
    const outside = await p.ask({
      type: 'prepare-composite',
      id: 2,
      frameId: frame.id,
      markerId: off.id,
      keepTextSharp: false,
      preset: { width: 1024, height: 1024 },
      skipCache: false,
    });
    expect(outside).toMatchObject({ ok: false, message: '“Outside” does not cover “Label”. Move it onto the frame.' });
    expect(p.host.page.children.map((n) => n.name)).toEqual(['Label']);
  });

  it('an export Figma refuses midway: a clear message, the source untouched, no temporary node left', async () => {
    const sharpRender = sharpRenderer();
    let calls = 0;
    let shot!: ReturnType<typeof packShot>;
    // The render of the whole frame exports, then the crop fails.
    const p = bootPlugin({
      setup: (host) => void (shot = packShot(host)),
      render: async (...args) => (++calls === 2 ? Promise.reject(new Error('Render failed')) : sharpRender(...args)),
    });
    await p.ready();
    const before = snapshotNode(shot.frame);
    const onPage = p.host.page.children.map((n) => n.id);
    const reply = await p.ask({
      type: 'prepare-composite',
      id: 1,
      frameId: shot.frame.id,
      markerId: shot.marker.id,
      keepTextSharp: true,
      preset: { width: 1280, height: 720 },
      skipCache: false,
    });
    expect(reply).toMatchObject({ ok: false, message: 'Figma could not export “Pack shot”. Try a simpler frame or a smaller one.' });
    expect(calls).toBe(2);
    expect(p.host.page.children.map((n) => n.id)).toEqual(onPage);
    expect(snapshotNode(shot.frame)).toBe(before);
  });

  it('a frame sent whole leaves its marker out (hidden in a temporary copy), and only when asked', async () => {
    let shot!: ReturnType<typeof packShot>;
    const p = await start((host) => void (shot = packShot(host)));
    const before = snapshotNode(shot.frame);
    const onPage = p.host.page.children.map((n) => n.id);
    const exported = async (id: number, hide?: string[]) => {
      p.sent.length = 0;
      await p.ask({ type: 'export-references', id, nodeIds: [shot.frame.id], maxLongSide: 1200, skipCache: true, ...(hide ? { hide } : {}) });
      const ref = p.sent.find((m) => m.type === 'reference');
      return ref?.type === 'reference' && 'bytes' in ref.reference ? ref.reference.bytes : new Uint8Array();
    };
    // The marker's centre: the ellipse (half-transparent red) over the frame's accent circle.
    const red = (rgb: number[]) => rgb[0]! > 140 && rgb[1]! < 110;
    const withMarker = await exported(1);
    const withoutMarker = await exported(2, [shot.marker.id]);
    expect(red(await pixel(withMarker, 850, 270))).toBe(true);
    expect(red(await pixel(withoutMarker, 850, 270))).toBe(false);
    expect(snapshotNode(shot.frame)).toBe(before);
    expect(p.host.page.children.map((n) => n.id)).toEqual(onPage);
  });

  it('text a nested frame clips stays clipped on the result: its copy sits in a clipping frame at the card’s place', async () => {
    let frame!: FakeSceneNode, card!: FakeSceneNode;
    const p = await start((host) => {
      frame = host.addFrame('Menu', { x: 0, y: 0, width: 1000, height: 800 });
      card = host.addFrame('Card', { x: 100, y: 100, width: 300, height: 200 });
      frame.appendChild(card);
      host.addLayer(card, { type: 'TEXT', name: 'Blurb', x: 20, y: 40, characters: 'A line of copy that runs past the card', font: INTER, fontSize: 20 });
      host.addLayer(card, { type: 'TEXT', name: 'Fits', x: 20, y: 120, characters: 'Short', font: INTER, fontSize: 20 });
      host.addLayer(card, { type: 'TEXT', name: 'Hidden away', x: 20, y: 400, characters: 'Never shows', font: INTER, fontSize: 20 });
      host.addLayer(frame, { type: 'TEXT', name: 'Title', x: 500, y: 60, characters: 'Menu', font: INTER, fontSize: 40 });
      host.addLayer(card, {
        type: 'TEXT',
        name: 'Brand line',
        x: 20,
        y: 80,
        characters: 'A brand line set in a font this machine lacks',
        font: MISSING,
        fontSize: 20,
      });
    });
    // Drawn into the image (its font is missing), it is cut where the card cuts it.
    const parts = await p.ask({
      type: 'prepare-composite',
      id: 9,
      frameId: frame.id,
      keepTextSharp: true,
      preset: { width: 1152, height: 864 },
      skipCache: false,
    });
    expect((parts as { value: CompositeParts }).value.overlays.map((o) => [o.box.x, o.box.y, o.clip])).toEqual([
      [120, 180, { x: 100, y: 100, width: 300, height: 200 }],
    ]);
    const run: PendingRun = {
      runId: 'run-c',
      fileId: '',
      prompt: 'Linen texture',
      width: 1152,
      height: 864,
      sourceNodeIds: [frame.id],
      createdAt: 1,
      tasks: [{ taskUUID: '11111111-2222-4333-8444-555555555556', accepted: true }],
      composite: { frameId: frame.id, keepTextSharp: true, featherPercent: 3, size: { width: 1000, height: 800 } },
    };
    await p.ask({ type: 'pending-save', id: 1, run });
    const bytes = new Uint8Array(
      await sharp({ create: { width: 1000, height: 800, channels: 3, background: '#ccb' } })
        .png()
        .toBuffer(),
    );
    const reply = await p.ask({ type: 'place-result', id: 2, runId: 'run-c', taskUUID: run.tasks[0]!.taskUUID, imageUUID: 'img-c', bytes });
    const node = p.host.node((reply as { value: { nodeId: string } }).value.nodeId) as FakeSceneNode;
    const layers = (n: FakeSceneNode): unknown[] =>
      n.children.map((c) => [c.type, c.name, c.x, c.y, c.width, c.height, ...(c.children.length ? [layers(c)] : [])]);
    const blurb = card.children.find((c) => c.name === 'Blurb')!;
    const fits = card.children.find((c) => c.name === 'Fits')!;
    const title = frame.children.find((c) => c.name === 'Title')!;
    expect(layers(node)).toEqual([
      ['FRAME', 'Blurb (clipped)', 100, 100, 300, 200, [['TEXT', 'Blurb', 20, 40, blurb.width, blurb.height]]],
      ['TEXT', 'Fits', 120, 220, fits.width, fits.height],
      ['TEXT', 'Title', 500, 60, title.width, title.height],
    ]);
    expect(card.clipsContent).toBe(true);
  });
});

describe('colour from a Display P3 file', () => {
  it('asks every export that goes to Runware for sRGB (a model reads pixels as sRGB); the fake renders DOCUMENT in the file’s P3', async () => {
    let shot!: ReturnType<typeof packShot>;
    const p = await start((host) => {
      shot = packShot(host);
      (host.figma.root as unknown as { documentColorProfile: string }).documentColorProfile = 'DISPLAY_P3';
    });
    const label = p.host.addFrame('Label', { x: 2000, y: 0, width: 600, height: 800 });
    await p.ask({ type: 'export-references', id: 1, nodeIds: [label.id, shot.frame.id], maxLongSide: 1152, skipCache: true, hide: [shot.marker.id] });
    const body = {
      type: 'prepare-composite',
      frameId: shot.frame.id,
      markerId: shot.marker.id,
      keepTextSharp: true,
      preset: { width: 1280, height: 720 },
      skipCache: true,
    } as const;
    expect(await p.ask({ ...body, id: 2 })).toMatchObject({ ok: true });
    expect(p.host.exportCalls.length).toBeGreaterThan(3);
    expect(p.host.exportCalls.filter((c) => c.profile !== 'SRGB')).toEqual([]);
    expect(p.host.exportCalls.map((c) => (c.settings as ExportSettingsImage).colorProfile)).toEqual(p.host.exportCalls.map(() => 'SRGB'));
  });
});
