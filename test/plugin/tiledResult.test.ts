import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { parseProvenance, PROVENANCE_KEY } from '../../core/records/provenance.ts';
import { tilePlan } from '../../core/tiles.ts';
import { snapshotNode } from '../../dev/fake-figma/figma.ts';
import type { FakeSceneNode } from '../../dev/fake-figma/nodes.ts';
import { bootPlugin, type BootedPlugin } from '../helpers/bootPlugin.ts';

const W = 6048;
const H = 2592;
const TASK = '11111111-2222-4333-8444-555555555501';

/** A 4K result with detail everywhere (a gradient per axis), so a tile out of place or resampled shows. */
async function image(): Promise<{ raw: Buffer; png: Uint8Array }> {
  const raw = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 3;
      raw[i] = x % 256;
      raw[i + 1] = y % 256;
      raw[i + 2] = (x >> 8) * 16 + (y >> 8);
    }
  const png = await sharp(raw, { raw: { width: W, height: H, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { raw, png: new Uint8Array(png) };
}

const run = (sourceNodeIds: string[]): PendingRun => ({
  runId: 'run-4k',
  fileId: '',
  prompt: 'Print final',
  model: 'sourceful:riverflow-2.0@pro',
  width: W,
  height: H,
  sourceNodeIds,
  createdAt: 1,
  tasks: [{ taskUUID: TASK, accepted: true }],
});

async function storeTiles(p: BootedPlugin, png: Uint8Array, size = { width: W, height: H }) {
  const parts = [];
  for (const [i, t] of tilePlan(size.width, size.height).entries()) {
    const bytes = new Uint8Array(await sharp(png).extract({ left: t.x, top: t.y, width: t.width, height: t.height }).png().toBuffer());
    const r = await p.ask({ type: 'store-tile', id: 100 + i, bytes });
    if (!r.ok) throw new Error(r.message);
    parts.push({ ...t, hash: (r.value as { hash: string }).hash });
  }
  return parts;
}

describe('a result past Figma’s 4096 px', () => {
  it('is placed with every pixel: a frame of tiles edge to edge, as wide as any result, exported whole', async () => {
    const p = bootPlugin();
    await p.ready();
    const source = p.host.addFrame('Banner', { x: 0, y: 0, width: 1400, height: 600 });
    const before = snapshotNode(source);
    await p.ask({ type: 'pending-save', id: 1, run: run([source.id]) });
    const { raw, png } = await image();
    const parts = await storeTiles(p, png);
    const r = await p.ask({ type: 'place-result', id: 2, runId: 'run-4k', taskUUID: TASK, imageUUID: 'img-4k', tiles: { width: W, height: H, parts } });
    expect(r).toMatchObject({ ok: true });
    const frame = p.host.node((r as { value: { nodeId: string } }).value.nodeId) as FakeSceneNode;
    expect([frame.type, frame.name, frame.width]).toEqual(['FRAME', 'Banner — Riverflow 1', 1400]);
    expect(frame.height).toBeCloseTo((1400 * H) / W, 6);
    expect(parseProvenance(frame.getPluginData(PROVENANCE_KEY))).toMatchObject({ model: 'sourceful:riverflow-2.0@pro', width: W, height: H, tiles: 2 });
    expect(frame.getRelaunchData()).toHaveProperty('edit');
    // Edge to edge, no gap, each tile at the image's own proportions.
    const [a, b] = frame.children;
    expect([a!.x, a!.y, b!.y]).toEqual([0, 0, 0]);
    expect(frame.children.map((t) => t.locked)).toEqual([true, true]);
    expect(a!.x + a!.width).toBeCloseTo(b!.x, 9);
    expect(b!.x + b!.width).toBeCloseTo(frame.width, 9);
    // Every pixel is in the file, unresampled: the tiles' images put back together are the image Runware made.
    const composed = await sharp({ create: { width: W, height: H, channels: 3, background: '#000' } })
      .composite(
        frame.children.map((t, i) => ({
          input: Buffer.from(p.host.images.get((t.fills as ImagePaint[])[0]!.imageHash!)!),
          left: parts[i]!.x,
          top: parts[i]!.y,
        })),
      )
      .removeAlpha()
      .raw()
      .toBuffer();
    expect(composed.equals(raw)).toBe(true);
    // Export in Figma: the frame's own export setting is the whole image at full width.
    expect(frame.exportSettings).toEqual([{ format: 'PNG', suffix: '', constraint: { type: 'WIDTH', value: W } }]);
    const exported = await sharp(await frame.exportAsync(frame.exportSettings[0]!)).metadata();
    expect([exported.width, exported.height]).toEqual([W, H]);
    expect(snapshotNode(source)).toEqual(before);
  });

  it('is refused with a reason when a tile is missing or out of place, and nothing is placed', async () => {
    const p = bootPlugin();
    await p.ready();
    const source = p.host.addFrame('Banner', { x: 0, y: 0, width: 1400, height: 600 });
    await p.ask({ type: 'pending-save', id: 1, run: run([source.id]) });
    const parts = await storeTiles(p, (await image()).png);
    const count = () => p.host.page.children.length;
    const n = count();
    const place = (tiles: typeof parts) =>
      p.ask({ type: 'place-result', id: 3, runId: 'run-4k', taskUUID: TASK, imageUUID: 'img-4k', tiles: { width: W, height: H, parts: tiles } });
    expect(await place([parts[0]!, { ...parts[1]!, x: parts[1]!.x + 1 }])).toMatchObject({
      ok: false,
      message: 'The image’s tiles do not fit together, so it was not placed.',
    });
    expect(await place([parts[0]!, { ...parts[1]!, hash: '0'.repeat(40) }])).toMatchObject({
      ok: false,
      message: 'A tile of the image did not reach Figma, so it was not placed.',
    });
    expect(count()).toBe(n);
  });

  it('refuses a tile past 4096 px as Figma’s createImage does', async () => {
    const p = bootPlugin();
    await p.ready();
    const big = new Uint8Array(
      await sharp({ create: { width: 4100, height: 300, channels: 3, background: '#123' } })
        .png()
        .toBuffer(),
    );
    expect(await p.ask({ type: 'store-tile', id: 5, bytes: big })).toMatchObject({ ok: false });
  });

  it('a composite past 4096 px (a protected frame’s 4K final, text kept sharp) is its tiles with the live text on top, at the frame’s size', async () => {
    const p = bootPlugin();
    await p.ready();
    const source = p.host.addFrame('Pack shot', { x: 0, y: 0, width: 1200, height: 900 });
    p.host.addLayer(source, { type: 'TEXT', name: 'Price', x: 80, y: 700, characters: '€4.99', font: { family: 'Inter', style: 'Bold' }, fontSize: 96 });
    const before = snapshotNode(source);
    const size = { width: 4608, height: 3456 };
    const composite: PendingRun = {
      ...run([source.id]),
      width: size.width,
      height: size.height,
      composite: { frameId: source.id, keepTextSharp: true, featherPercent: 3, size: { width: 1200, height: 900 } },
    };
    expect(await p.ask({ type: 'pending-save', id: 1, run: composite })).toMatchObject({ ok: true });
    const png = new Uint8Array(
      await sharp({ create: { ...size, channels: 3, background: '#3a6' } })
        .png({ compressionLevel: 1 })
        .toBuffer(),
    );
    const parts = await storeTiles(p, png, size);
    const undo = p.host.undoSteps.count;
    const r = await p.ask({ type: 'place-result', id: 2, runId: 'run-4k', taskUUID: TASK, imageUUID: 'img-4k', tiles: { ...size, parts } });
    expect(r).toMatchObject({ ok: true });
    const frame = p.host.node((r as { value: { nodeId: string } }).value.nodeId) as FakeSceneNode;
    expect([frame.type, frame.width]).toEqual(['FRAME', 1200]);
    expect(frame.height).toBeCloseTo(900, 9);
    // The tiles under the text: every pixel of the composite, then the price still editable where it was.
    expect(frame.children.map((c) => [c.type, c.name])).toEqual([
      ['RECTANGLE', 'Tile 1 of 2'],
      ['RECTANGLE', 'Tile 2 of 2'],
      ['TEXT', 'Price'],
    ]);
    expect([frame.children[2]!.x, frame.children[2]!.y]).toEqual([80, 700]);
    expect(parseProvenance(frame.getPluginData(PROVENANCE_KEY))).toMatchObject({ tiles: 2, keepTextSharp: true, composite: size });
    expect(frame.exportSettings).toEqual([{ format: 'PNG', suffix: '', constraint: { type: 'WIDTH', value: size.width } }]);
    expect(p.host.undoSteps.count - undo).toBe(1);
    expect(snapshotNode(source)).toEqual(before);
    // Selected, it is a composite of 4608×3456 with live text: an upscale would start from its own pixels.
    p.host.select([frame]);
    const sel = await p.waitFor('selection', (m) => m.nodes[0]?.id === frame.id);
    expect(sel.nodes[0]?.result).toEqual({ ...size, liveText: true });
  });

  it('placed as Riverflow made it (its frame gone before compositing), a 4K result of another ratio fits inside its slot, never over the next', async () => {
    const p = bootPlugin();
    await p.ready();
    const source = p.host.addFrame('Pack shot', { x: 0, y: 0, width: 1200, height: 900 });
    // A narrow area's crop at 4K (3:7): the slots were planned at the frame's size and ratio.
    const size = { width: 2592, height: 6048 };
    const area: PendingRun = {
      ...run([source.id]),
      ...size,
      tasks: [{ taskUUID: TASK, accepted: true }],
      composite: {
        frameId: source.id,
        keepTextSharp: false,
        featherPercent: 3,
        size: { width: 1200, height: 900 },
        area: { x: 1096, y: 189, width: 22, height: 439 },
      },
    };
    expect(await p.ask({ type: 'pending-save', id: 1, run: area })).toMatchObject({ ok: true });
    const png = new Uint8Array(
      await sharp({ create: { ...size, channels: 3, background: '#a63' } })
        .png({ compressionLevel: 1 })
        .toBuffer(),
    );
    const parts = await storeTiles(p, png, size);
    const r = await p.ask({ type: 'place-result', id: 2, runId: 'run-4k', taskUUID: TASK, imageUUID: 'img-4k', tiles: { ...size, parts }, asIs: true });
    expect(r).toMatchObject({ ok: true });
    const frame = p.host.node((r as { value: { nodeId: string } }).value.nodeId) as FakeSceneNode;
    // Within the frame-sized slot, at the image's own ratio.
    expect(frame.height).toBeLessThanOrEqual(900 + 1e-9);
    expect(frame.width).toBeLessThanOrEqual(1200 + 1e-9);
    expect(frame.width / frame.height).toBeCloseTo(size.width / size.height, 6);
  });
});
