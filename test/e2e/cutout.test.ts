import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { OUTPUT_DIR, openSession, type Session } from './harness.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();
const FAST25 = 'Riverflow 2.5 Fast — cutouts, judged candidates, priced by thinking';
const inference = () => h.emulator.requests.flatMap((r) => r.tasks).filter((t) => t.taskType === 'imageInference') as Record<string, unknown>[];

/** The placed node's image fill, decoded with its alpha channel, and a pixel reader over it. */
async function placedPixels(s: Session, name: string) {
  const b64 = await s.evaluate(
    `((host) => {
    const node = host.page.children.find((c) => c.name === ${JSON.stringify(name)});
    const bytes = host.images.get(node.fills[0].imageHash);
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  })` as never,
  );
  const { data, info } = await sharp(Buffer.from(b64 as unknown as string, 'base64'))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, at: (x: number, y: number) => [...data.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4)] };
}

async function chooseFast25(s: Session) {
  await s.useKey();
  await s.select('Box front');
  await s.prompt('The box alone, as a product shot');
  await s.ui.getByLabel('Model', { exact: true }).selectOption({ label: FAST25 });
}

describe('Riverflow 2.5 Fast: Thinking and Background', () => {
  it('prices by thinking effort, and a transparent cutout is placed with its alpha, as PNG whatever Advanced says', async () => {
    const s = await openSession(h);
    await chooseFast25(s);
    const estimate = s.ui.getByTestId('estimate');
    await s.ui.getByText('Estimated cost: $0.022 (1 image × $0.022 on Riverflow 2.5 Fast)').waitFor();
    await s.ui.getByLabel('Variations').fill('20');
    await s.ui.getByLabel('Thinking').selectOption('high');
    await expect.poll(() => estimate.textContent()).toMatch(/^Estimated cost: \$0\.50 \(20 images × \$0\.025 on Riverflow 2\.5 Fast\)/);
    await s.ui.getByLabel('Thinking').selectOption('low');
    await expect.poll(() => estimate.textContent()).toMatch(/^Estimated cost: \$0\.42 \(20 images × \$0\.021/);
    await s.ui.getByLabel('Variations').fill('1');
    await s.ui.getByRole('button', { name: 'Advanced' }).click();
    await s.ui.getByLabel('Output format').selectOption('JPG');
    await s.ui.getByLabel('Background', { exact: true }).selectOption({ label: 'Transparent (cutout)' });
    await s.ui.getByText('Returned as PNG with its transparency, whatever Output format says.').waitFor();
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Box front”\. Cost \$0\.021\./).waitFor();
    const [task] = inference();
    expect([task!.model, task!.width, task!.height, task!.outputFormat, task!.settings]).toEqual([
      'sourceful:riverflow-2.5@fast',
      1024,
      768,
      'PNG',
      { thinkingLevel: 'low', backgroundMode: 'transparent' },
    ]);
    expect(task).not.toHaveProperty('resolution');
    const placed = await placedPixels(s, 'Box front — Riverflow 1');
    expect([placed.width, placed.height]).toEqual([1024, 768]);
    expect(placed.at(3, 3)[3]).toBe(0); // the corner is clear: the cutout's background
    expect(placed.at(512, 384)[3]).toBe(255); // the product is opaque
    await s.page.screenshot({ path: `${OUTPUT_DIR}/cutout.png` });
    // History says which thinking effort and background made it.
    const provenance = JSON.parse(
      await s.evaluate(`((host) => host.page.children.find((c) => c.name === 'Box front — Riverflow 1').getPluginData('riverflow'))` as never),
    );
    expect(provenance).toMatchObject({ thinking: 'low', backgroundMode: 'transparent', outputFormat: 'PNG' });
    await s.ui.getByRole('button', { name: 'History' }).click();
    await s.ui
      .getByRole('list', { name: 'History' })
      .getByText(/^Riverflow 2\.5 Fast · 1K 4:3 · thinking low · transparent · 1 image · \$0\.021/)
      .waitFor();
    await s.context.close();
  });

  it('a solid background waits for a valid colour, then fills with it; at 2K the estimate says no price is published', async () => {
    const s = await openSession(h);
    await chooseFast25(s);
    await s.ui.getByLabel('Background', { exact: true }).selectOption({ label: 'Solid colour' });
    const colour = s.ui.getByLabel('Background colour');
    await colour.fill('hotpink');
    expect(await s.ui.getByRole('alert').textContent()).toBe('Write the background colour as #RRGGBB, for example #FFFFFF.');
    expect(await s.ui.getByRole('button', { name: 'Generate' }).isDisabled()).toBe(true);
    await colour.fill('#ff0080');
    await s.ui.getByLabel('Size').selectOption({ label: '2K · 4:3 · 2048×1536' });
    await s.ui.getByText('Estimated cost: price not published; the actual cost is shown after (1 image on Riverflow 2.5 Fast)').waitFor();
    await s.generate();
    // The emulator bills 2K at a stand-in price: the real cost is what is reported.
    await s.ui.getByText(/^Placed 1 image beside “Box front”\. Cost \$0\.044\./).waitFor();
    expect(inference().at(-1)!.settings).toEqual({ thinkingLevel: 'medium', backgroundMode: 'solid', backgroundColor: '#FF0080' });
    const placed = await placedPixels(s, 'Box front — Riverflow 1');
    expect(placed.at(4, 4)).toEqual([255, 0, 128, 255]);
    await s.context.close();
  });
});
