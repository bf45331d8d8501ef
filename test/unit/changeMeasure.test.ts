import { describe, expect, it } from 'vitest';
import { changedInside, changedShare, closestFirst, deltaE2000, deltaMap, heatMap, labOf, percent } from '../../core/changeMeasure.ts';

const W = 100;
const H = 80;
/** A synthetic frame: paper, a blue "logo" square at (x, y), 20 px a side. */
function frame(paint: (x: number, y: number) => [number, number, number] | undefined = () => undefined, logo = { x: 10, y: 10 }): Uint8ClampedArray {
  const px = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const inLogo = x >= logo.x && x < logo.x + 20 && y >= logo.y && y < logo.y + 20;
      const rgb = paint(x, y) ?? (inLogo ? [30, 60, 160] : [240, 232, 214]);
      px.set([...rgb, 255], (y * W + x) * 4);
    }
  return px;
}

describe('the change measure (core/changeMeasure.ts)', () => {
  it('is CIEDE2000: Sharma, Wu and Dalal’s published pairs', () => {
    const pairs: [number[], number[], number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
      [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, -1, 2], [50, 0, 0], 2.3669],
      // Hues either side of 180° and of 0°: the mean hue's wrap-around.
      [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
      [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
      [[50, -0.001, 2.49], [50, 0.0009, -2.49], 4.8045],
      [[50, -0.001, 2.49], [50, 0.0011, -2.49], 4.7461],
      [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[50, 2.5, 0], [61, -5, 29], 22.8977],
      [[50, 2.5, 0], [56, -27, -3], 31.903],
      [[50, 2.5, 0], [58, 24, 15], 19.4535],
      [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
      [[90.8027, -2.0831, 1.441], [91.1528, -1.6435, 0.0447], 1.4441],
    ];
    for (const [a, b, expected] of pairs) expect(deltaE2000(a, b)).toBeCloseTo(expected, 4);
    expect(labOf(255, 255, 255)[0]).toBeCloseTo(100, 3);
  });

  it('finds nothing changed in the same image, or under a model’s faint re-rendering (±2 per channel)', () => {
    const source = frame();
    expect(changedShare(deltaMap(source, source), W)).toBe(0);
    const noisy = source.map((v, i) => (i % 4 === 3 ? v : v + ((i * 7) % 5) - 2));
    expect(changedShare(deltaMap(noisy, source), W)).toBe(0);
  });

  it('measures a recoloured square as its share of the frame, and a moved logo as twice its own', () => {
    const source = frame();
    const square = frame((x, y) => (x >= 60 && x < 80 && y >= 40 && y < 60 ? [200, 40, 40] : undefined));
    const moved = frame(undefined, { x: 60, y: 40 });
    expect(changedShare(deltaMap(square, source), W)).toBeCloseTo(400 / (W * H), 6);
    expect(changedShare(deltaMap(moved, source), W)).toBeCloseTo(800 / (W * H), 6);
    // Outside an area edit's box, a change inside it does not count.
    expect(changedShare(deltaMap(square, source), W, { exclude: { x: 60, y: 40, width: 20, height: 20 } })).toBe(0);
    // Inside a protected layer only: the logo drifted wholly when moved away.
    const logo = new Float32Array(W * H).map((_, i) => (i % W >= 10 && i % W < 30 && Math.floor(i / W) >= 10 && Math.floor(i / W) < 30 ? 1 : 0));
    expect(changedInside(moved, source, W, logo)).toBe(1);
    expect(changedInside(square, source, W, logo)).toBe(0);
  });

  it('orders crafted variations by least change: untouched, then a recoloured square, then a moved logo', () => {
    const source = frame();
    const variations = [
      { label: 'moved logo', image: frame(undefined, { x: 60, y: 40 }) },
      { label: 'untouched', image: frame() },
      { label: 'recoloured square', image: frame((x, y) => (x >= 60 && x < 80 && y >= 40 && y < 60 ? [200, 40, 40] : undefined)) },
    ].map((v) => ({ ...v, change: changedShare(deltaMap(v.image, source), W) }));
    expect(closestFirst(variations).map((v) => v.label)).toEqual(['untouched', 'recoloured square', 'moved logo']);
    expect(closestFirst([{ label: 'a' }, { label: 'b', change: 0.1 }]).map((v) => v.label)).toEqual(['b', 'a']);
  });

  it('measures a protected layer’s drift inside its outline only, on a bounded grid that keeps the share', () => {
    // A 400×400 region: the layer is its left half; the model recoloured the layer's top half and everything outside it.
    const w = 400;
    const source = new Uint8ClampedArray(w * w * 4).fill(255);
    const model = source.slice();
    const inside = new Float32Array(w * w);
    for (let y = 0; y < w; y++)
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        if (x < w / 2) inside[i] = 1;
        if (x >= w / 2 || y < w / 2) model.set([200, 40, 40], i * 4);
      }
    // Sampled (every 6th pixel each way here): to about a percent, as the panel says it.
    expect(Math.abs(changedInside(model, source, w, inside) - 0.5)).toBeLessThan(0.01);
    // Every pixel (a budget past its size) or a 10 px grid: the same share.
    expect(changedInside(model, source, w, inside, w * w)).toBe(0.5);
    expect(Math.abs(changedInside(model, source, w, inside, 1600) - 0.5)).toBeLessThan(0.01);
    expect(changedInside(source, source, w, inside)).toBe(0);
    // A soft edge (0 < weight < 1) is not the layer: not counted.
    expect(
      changedInside(
        model,
        source,
        w,
        inside.map((v) => v * 0.5),
      ),
    ).toBe(0);
  });

  it('draws the heat map clear where nothing changed, and says small shares as such', () => {
    const source = frame();
    const square = frame((x, y) => (x >= 60 && x < 80 && y >= 40 && y < 60 ? [200, 40, 40] : undefined));
    const heat = heatMap(deltaMap(square, source));
    expect(heat[(0 * W + 0) * 4 + 3]).toBe(0);
    expect(heat[(50 * W + 70) * 4 + 3]).toBeGreaterThan(100);
    expect([percent(0), percent(0.004), percent(0.14)]).toEqual(['0 %', '0.4 %', '14 %']);
  });
});
