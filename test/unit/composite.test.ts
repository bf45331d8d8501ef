import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AREA_MARGIN, clampToFrame, compositeScale, compositeSize, cropForSize, featherWidth, planAreaCrop } from '../../core/composite/areaPlan.ts';
import { MODELS } from '../../core/models.ts';
import { SIZE_PRESETS } from '../../core/sizes.ts';
import { chooseComposite } from '../../core/composite/choice.ts';
import { blendByMask, coverageFromAlpha, featherMask } from '../../core/composite/pixels.ts';
import { DEFAULT_SETTINGS } from '../../core/records/settings.ts';
import { invert, multiply, relativeTo, type Affine } from '../../core/composite/transform.ts';

const frame = { width: 1200, height: 900 };

describe('planAreaCrop', () => {
  it('keeps a quarter of the area as context on each side when the frame allows', () => {
    const { crop, area } = planAreaCrop({ x: 500, y: 400, width: 200, height: 100 }, frame, SIZE_PRESETS);
    expect(area).toEqual({ x: 500, y: 400, width: 200, height: 100 });
    expect(crop.x).toBeLessThanOrEqual(500 - 200 * AREA_MARGIN);
    expect(crop.y).toBeLessThanOrEqual(400 - 100 * AREA_MARGIN);
    expect(crop.x + crop.width).toBeGreaterThanOrEqual(700 + 200 * AREA_MARGIN);
    expect(crop.y + crop.height).toBeGreaterThanOrEqual(500 + 100 * AREA_MARGIN);
  });

  it('grows the crop to the chosen preset’s ratio, centred on the area', () => {
    const { crop, preset } = planAreaCrop({ x: 500, y: 400, width: 200, height: 100 }, frame, SIZE_PRESETS);
    // 300×150 grown is 2:1; the nearest preset (in log ratio) is 16:9, reached by heightening.
    expect(preset.ratio).toBe('16:9');
    expect(crop.width / crop.height).toBeCloseTo(preset.width / preset.height, 6);
    expect(crop.x + crop.width / 2).toBeCloseTo(600, 6);
    expect(crop.y + crop.height / 2).toBeCloseTo(450, 6);
  });

  it('shifts the crop inside the frame at an edge and stops at the frame', () => {
    const { crop } = planAreaCrop({ x: 0, y: 0, width: 300, height: 300 }, frame, SIZE_PRESETS);
    expect(crop.x).toBe(0);
    expect(crop.y).toBe(0);
    expect(crop.width).toBeLessThanOrEqual(frame.width);
    const edge = planAreaCrop({ x: 1100, y: 50, width: 100, height: 800 }, frame, SIZE_PRESETS);
    expect(edge.crop.x + edge.crop.width).toBeLessThanOrEqual(frame.width + 1e-9);
    expect(edge.crop.y).toBeGreaterThanOrEqual(0);
    expect(edge.crop.y + edge.crop.height).toBeLessThanOrEqual(frame.height + 1e-9);
  });

  it('uses only the part of a marker that lies on the frame', () => {
    const { area, crop } = planAreaCrop({ x: -100, y: 800, width: 300, height: 300 }, frame, SIZE_PRESETS);
    expect(area).toEqual({ x: 0, y: 800, width: 200, height: 100 });
    expect(crop.y + crop.height).toBeLessThanOrEqual(900);
  });

  it('clampToFrame gives an empty rect for a marker off the frame', () => {
    expect(clampToFrame({ x: 2000, y: 0, width: 10, height: 10 }, frame).width).toBe(0);
  });
});

describe('cropForSize: the one crop rule, for every model and area', () => {
  it('the crop has exactly the asked size’s ratio, stays in the frame, and holds the area wherever the frame leaves room', () => {
    const sizes = MODELS.flatMap((m) => m.sizes);
    fc.assert(
      fc.property(
        fc.record({ width: fc.integer({ min: 50, max: 5000 }), height: fc.integer({ min: 50, max: 5000 }) }),
        fc.record({
          x: fc.double({ min: 0, max: 0.9, noNaN: true }),
          y: fc.double({ min: 0, max: 0.9, noNaN: true }),
          w: fc.double({ min: 0.02, max: 1, noNaN: true }),
          h: fc.double({ min: 0.02, max: 1, noNaN: true }),
        }),
        fc.constantFrom(...sizes),
        (f, a, size) => {
          const area = { x: a.x * f.width, y: a.y * f.height, width: a.w * f.width, height: a.h * f.height };
          const { area: edited, crop } = cropForSize(area, f, size);
          const e = 1e-6;
          // Always the ratio asked: the model's picture maps back onto the crop unstretched.
          expect(crop.width / crop.height).toBeCloseTo(size.width / size.height, 9);
          expect(crop.x >= -e && crop.y >= -e && crop.x + crop.width <= f.width + e && crop.y + crop.height <= f.height + e).toBe(true);
          // The area edited is the marked area inside the crop: nothing outside the crop is ever changed.
          const inside = clampToFrame(area, f);
          expect(edited.x >= crop.x - e && edited.y >= crop.y - e).toBe(true);
          expect(edited.x + edited.width <= crop.x + crop.width + e && edited.y + edited.height <= crop.y + crop.height + e).toBe(true);
          // Where a box of the ratio around the area fits in the frame, all of the area is edited.
          const ratio = size.width / size.height;
          const needed = Math.max(inside.width, inside.height * ratio);
          if (needed <= f.width && needed / ratio <= f.height) {
            expect(edited.width).toBeCloseTo(inside.width, 6);
            expect(edited.height).toBeCloseTo(inside.height, 6);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('compositeScale and size', () => {
  it('carries the model’s detail, between 1× and 2× the frame', () => {
    expect(compositeScale({ width: 600, height: 450 }, { width: 1152, height: 864 }, frame)).toBeCloseTo(1.92, 2);
    expect(compositeScale({ width: 200, height: 150 }, { width: 1152, height: 864 }, frame)).toBe(2);
    expect(compositeScale({ width: 1200, height: 900 }, { width: 1152, height: 864 }, frame)).toBe(1);
  });
  it('keeps every pixel of a whole-frame final the model made past 2×: a 4K final of a 1200×900 frame is 4608×3456', () => {
    const s = compositeScale({ width: 1200, height: 900 }, { width: 4608, height: 3456 }, frame);
    expect(s).toBeCloseTo(3.84, 6);
    expect(compositeSize(frame, s)).toEqual({ width: 4608, height: 3456 });
    // An area edit's crop at 4K: never more pixels than the model's own image.
    const area = compositeScale({ width: 200, height: 150 }, { width: 4608, height: 3456 }, frame);
    expect(area).toBeCloseTo(3.84, 6);
  });
  it('a frame past Figma’s 4096 px stays at 1× (placed as tiles); past the 16384 px a tile plan can cut, below 1×', () => {
    const big = { width: 6000, height: 3000 };
    const s = compositeScale({ width: 1000, height: 500 }, { width: 1512, height: 648 }, big);
    expect(s).toBe(1);
    expect(compositeSize(big, s)).toEqual({ width: 6000, height: 3000 });
    const huge = { width: 20000, height: 1000 };
    const t = compositeScale({ width: 2000, height: 1000 }, { width: 1512, height: 648 }, huge);
    expect(t).toBeCloseTo(16384 / 20000, 6);
    expect(compositeSize(huge, t)).toEqual({ width: 16384, height: 819 });
  });
  it('feather width is a share of the short side, in composite pixels', () => {
    expect(featherWidth({ width: 400, height: 200 }, 3, 2)).toBe(12);
    expect(featherWidth({ width: 400, height: 200 }, 0, 2)).toBe(0);
  });
});

function disc(w: number, h: number, r: number): Float32Array {
  const m = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) m[y * w + x] = (x - w / 2) ** 2 + (y - h / 2) ** 2 <= r * r ? 1 : 0;
  return m;
}

describe('featherMask', () => {
  it('keeps exact 0 beyond half the feather outside and exact 1 beyond it inside, soft between', () => {
    const [w, h, r, feather] = [120, 120, 40, 24];
    const soft = featherMask(disc(w, h, r), w, h, feather);
    const at = (x: number, y: number) => soft[y * w + x]!;
    expect(at(60, 60)).toBe(1);
    // The blur reaches half the feather along each axis, so inside a curve "deep" is √2 as far.
    expect(at(60 + r - Math.ceil((feather / 2) * Math.SQRT2) - 1, 60)).toBe(1);
    expect(at(60 + r + feather / 2 + 1, 60)).toBe(0);
    expect(at(0, 0)).toBe(0);
    const edge = at(60 + r, 60);
    expect(edge).toBeGreaterThan(0.2);
    expect(edge).toBeLessThan(0.8);
    // Monotone from the centre outwards along a row.
    for (let x = 60; x < 119; x++) expect(at(x + 1, 60)).toBeLessThanOrEqual(at(x, 60) + 1e-6);
  });
  it('is a hard edge when the feather is under 6 px', () => {
    const m = disc(40, 40, 10);
    expect(featherMask(m, 40, 40, 5)).toEqual(m);
  });
});

describe('blendByMask and coverageFromAlpha', () => {
  it('takes the model inside, keeps the frame outside, mixes at the edge', () => {
    const base = new Uint8ClampedArray([10, 20, 30, 255, 10, 20, 30, 255, 10, 20, 30, 255]);
    const over = new Uint8ClampedArray([200, 100, 0, 255, 200, 100, 0, 255, 200, 100, 0, 255]);
    blendByMask(base, over, new Float32Array([0, 0.5, 1]));
    expect([...base]).toEqual([10, 20, 30, 255, 105, 60, 15, 255, 200, 100, 0, 255]);
  });
  it('reads coverage from alpha', () => {
    const c = coverageFromAlpha(new Uint8ClampedArray([0, 0, 0, 255, 9, 9, 9, 0, 0, 0, 0, 51]));
    expect([c[0], c[1]]).toEqual([1, 0]);
    expect(c[2]).toBeCloseTo(0.2, 6);
  });
});

describe('relativeTo', () => {
  const apply = (m: Affine, x: number, y: number) => [m[0][0] * x + m[0][1] * y + m[0][2], m[1][0] * x + m[1][1] * y + m[1][2]];
  it('places a layer inside its frame, rotation included', () => {
    const frameAbs: Affine = [
      [1, 0, 100],
      [0, 1, 50],
    ];
    const c = Math.cos(0.3);
    const s = Math.sin(0.3);
    const textAbs: Affine = [
      [c, -s, 130],
      [s, c, 90],
    ];
    const rel = relativeTo(frameAbs, textAbs);
    expect(rel[0][2]).toBeCloseTo(30, 9);
    expect(rel[1][2]).toBeCloseTo(40, 9);
    // Put back into a frame placed elsewhere, a point of the text lands at the same offset.
    const moved = multiply(
      [
        [1, 0, 500],
        [0, 1, 0],
      ],
      multiply(frameAbs, rel),
    );
    expect(apply(moved, 10, 5)[0]).toBeCloseTo(apply(textAbs, 10, 5)[0]! + 500, 9);
    expect(apply(moved, 10, 5)[1]).toBeCloseTo(apply(textAbs, 10, 5)[1]!, 9);
  });
  it('refuses a flat transform', () => {
    expect(() =>
      invert([
        [0, 0, 1],
        [0, 0, 1],
      ]),
    ).toThrow(/cannot be inverted/);
  });
});

describe('chooseComposite', () => {
  const base = { id: '1:1', name: 'Pack shot', width: 1200, height: 900, textLayers: 2 };
  const area = { markerId: '1:5', markerName: 'Area', frameId: '1:1', frameName: 'Pack shot', box: { x: 760, y: 120, width: 340, height: 300 } };
  it('edits the area alone when it is on the base and the option is on; its size follows the crop', () => {
    const c = chooseComposite({ base, area, areaOnly: true, batch: false, settings: DEFAULT_SETTINGS });
    expect(c.composite).toEqual({ markerId: '1:5', markerName: 'Area', keepTextSharp: false, featherPercent: 3 });
    expect(c.areaPlan?.preset).toEqual(planAreaCrop(area.box, base, SIZE_PRESETS).preset);
  });
  it('matches an area’s crop within the chosen model’s ratios, at its tier', () => {
    // 250×200 grown is 5:4: 1.x has no 5:4 (9:7 there); 2.0 Fast has it, at 2K when 2K was chosen.
    const square = { ...area, box: { x: 300, y: 300, width: 250, height: 200 } };
    const at = (settings: typeof DEFAULT_SETTINGS) => chooseComposite({ base, area: square, areaOnly: true, batch: false, settings }).areaPlan?.preset;
    expect(at(DEFAULT_SETTINGS)).toMatchObject({ ratio: '9:7', tier: '1K' });
    expect(at({ ...DEFAULT_SETTINGS, model: 'sourceful:riverflow-2.0@fast', tier: '2K' })).toMatchObject({ ratio: '5:4', width: 2240, height: 1792 });
  });
  it('keeps text sharp only where there is text and the designer asked', () => {
    expect(
      chooseComposite({ base, area: undefined, areaOnly: true, batch: false, settings: { ...DEFAULT_SETTINGS, keepTextSharp: true, featherPercent: 7 } })
        .composite,
    ).toEqual({ keepTextSharp: true, featherPercent: 7 });
    expect(
      chooseComposite({
        base: { ...base, textLayers: undefined },
        area: undefined,
        areaOnly: true,
        batch: false,
        settings: { ...DEFAULT_SETTINGS, keepTextSharp: true },
      }).composite,
    ).toBeUndefined();
  });
  it('does neither for a batch, an area on another frame, or with the option off', () => {
    const keep = { ...DEFAULT_SETTINGS, keepTextSharp: true };
    expect(chooseComposite({ base, area, areaOnly: true, batch: true, settings: keep }).composite).toBeUndefined();
    expect(chooseComposite({ base, area: { ...area, frameId: '9:9' }, areaOnly: true, batch: false, settings: DEFAULT_SETTINGS }).composite).toBeUndefined();
    const whole = chooseComposite({ base, area, areaOnly: false, batch: false, settings: DEFAULT_SETTINGS });
    expect(whole.composite).toBeUndefined();
    // Sent whole, the frame still leaves its marker out.
    expect(whole.hide).toEqual(['1:5']);
    expect(chooseComposite({ base, area, areaOnly: true, batch: false, settings: DEFAULT_SETTINGS }).hide).toBeUndefined();
  });
});
