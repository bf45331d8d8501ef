import { kb, line } from './print.ts';
import type { Session } from '../test/e2e/harness.ts';

/** What crosses between the sandboxes for History previews and a corner-grip drag. */
export async function messageFigures(s: Session) {
  const page = s.page;
  // Counts what the main thread posts for each thumbnail: a stored preview (base64 → bytes) or exported bytes.
  const lastResult = await page.evaluate(async () => {
    const host = window.playground.host;
    const w = window as unknown as { previewBytes: Record<string, number> };
    w.previewBytes = {};
    const post = host.figma.ui.postMessage.bind(host.figma.ui);
    host.figma.ui.postMessage = (m: { type?: string; nodeId?: string; bytes?: Uint8Array | null; preview?: string }, o?: UIPostMessageOptions) => {
      if (m.type === 'thumbnail' && m.nodeId) w.previewBytes[m.nodeId] = m.preview ? Math.floor((m.preview.length * 3) / 4) : (m.bytes?.length ?? 0);
      post(m, o);
    };
    // An old result of Figma's largest image size, placed before previews existed: a noisy 4096² PNG of megabytes.
    const canvas = new OffscreenCanvas(4096, 4096);
    const ctx = canvas.getContext('2d')!;
    const noise = ctx.createImageData(4096, 4096);
    for (let i = 0; i < noise.data.length; i++) noise.data[i] = i % 4 === 3 ? 255 : (i * 2654435761) >>> 24;
    ctx.putImageData(noise, 0, 0);
    const png = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    const node = host.addFrame('Largest result', { x: -9000, y: 0, width: 4096, height: 4096 }, undefined, 'RECTANGLE');
    node.fills = [{ type: 'IMAGE', imageHash: host.figma.createImage(png).hash, scaleMode: 'FILL' } as ImagePaint];
    const provenance = {
      prompt: 'Largest result',
      model: 'sourceful:1@2',
      width: 4096,
      height: 4096,
      runId: 'largest',
      taskUUID: 't',
      imageUUID: 'i',
      sourceNodeId: '1:1',
      createdAt: Date.now(),
      index: 1,
    };
    node.setPluginData('riverflow', JSON.stringify(provenance));
    const newest = host.page.children.filter((n) => n.getPluginData('riverflow') && n.name.includes('Box front')).at(-1)!;
    return { largest: node.id, png: png.length, newest: newest.id, newestFill: host.images.get((newest.fills as ImagePaint[])[0]!.imageHash!)!.length };
  });
  await s.ui.getByRole('button', { name: /^History/ }).click();
  const posted = async (nodeId: string, prompt: string) => {
    await s.ui.getByRole('searchbox', { name: 'Search history' }).fill(prompt);
    const handle = await page.waitForFunction((id) => (window as unknown as { previewBytes: Record<string, number> }).previewBytes[id], nodeId);
    return (await handle.jsonValue()) as number;
  };
  const largest = await posted(lastResult.largest, 'Largest result');
  const newest = await posted(lastResult.newest, 'Make the box deep indigo');
  const within = (n: number) => (n <= 64 * 1024 ? 'within goal (≤ 64 KB)' : 'OVER GOAL (≤ 64 KB)');
  line(
    'bytes posted, history preview'.padEnd(28),
    kb(newest).padEnd(10),
    `a result placed now (its image fill ${kb(lastResult.newestFill)}; preview made at placement) · ${within(newest)}`,
  );
  line(
    'bytes posted, history preview'.padEnd(28),
    kb(largest).padEnd(10),
    `an older 4096² result (its fill ${kb(lastResult.png)}; exported at 96 px) · ${within(largest)}`,
  );

  // One drag of the corner grip, 30 pointer moves: the panel follows each, clientStorage is written on release.
  const writes = () => s.evaluate((host) => host.storageWrites.filter((k) => k === 'panelSize').length);
  const before = await writes();
  const grip = (await s.ui.getByRole('button', { name: 'Corner grip' }).boundingBox())!;
  await page.mouse.move(grip.x + 8, grip.y + 8);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(grip.x + 8 - i * 2, grip.y + 8 - i);
  await page.mouse.up();
  await new Promise((r) => setTimeout(r, 300));
  const drag = (await writes()) - before;
  line('clientStorage writes, drag'.padEnd(28), `${drag}`.padEnd(10), `per corner-grip drag of 30 moves · goal 1 · ${drag === 1 ? 'within' : 'OVER'}`);
}
