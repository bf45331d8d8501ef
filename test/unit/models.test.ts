import { describe, expect, it } from 'vitest';
import { REFERENCE_MAX_SIDE, REFERENCE_MIN_SIDE } from '../../core/exportSize.ts';
import { carrySize, DEFAULT_MODEL, estimateUsd, MODELS, matchSize, modelOf, pricePerImage, sizeOf, tiersOf } from '../../core/models.ts';
import { presetLabel } from '../../core/sizes.ts';
import { EMULATED_MODELS, imageCost } from '../../dev/emulator/models.ts';

const byName = (name: string) => MODELS.find((m) => m.name === name)!;
const fast = byName('Riverflow 2.0 Fast');
const pro2 = byName('Riverflow 2.0 Pro');
const pro11 = byName('Riverflow 1.1 Pro');
const mini = byName('Riverflow 1.1 Mini');
const fast25 = byName('Riverflow 2.5 Fast');

describe('the Riverflow model table', () => {
  it('lists the six models with 1.1 Pro first, the default', () => {
    expect(MODELS.map((m) => m.id)).toEqual([
      'sourceful:1@2',
      'sourceful:1@1',
      'sourceful:1@0',
      'sourceful:riverflow-2.0@fast',
      'sourceful:riverflow-2.0@pro',
      'sourceful:riverflow-2.5@fast',
    ]);
    expect(DEFAULT_MODEL).toBe(pro11);
    expect(modelOf(undefined)).toBe(pro11);
    expect(modelOf('sourceful:2@1')).toBe(pro11); // a retired or unknown id in old settings
  });

  it('gives 1.x the 11 sizes at 1K, 2.0 Fast ten ratios at 1K and 2K, 2.0 Pro also 4K', () => {
    for (const m of MODELS.slice(0, 3)) expect([m.sizes.length, tiersOf(m)]).toEqual([11, ['1K']]);
    expect([fast.sizes.length, tiersOf(fast)]).toEqual([20, ['1K', '2K']]);
    expect([pro2.sizes.length, tiersOf(pro2)]).toEqual([30, ['1K', '2K', '4K']]);
    const ratios = new Set(pro2.sizes.map((s) => s.ratio));
    expect(ratios.has('5:4') && ratios.has('4:5')).toBe(true);
    expect(ratios.has('3:7') || ratios.has('9:7')).toBe(false);
    expect(presetLabel(sizeOf(pro2, 6048, 2592)!)).toBe('4K · 7:3 · 6048×2592');
  });

  it('agrees with the emulator’s own reading of the pages on every size and price', () => {
    expect([...EMULATED_MODELS.keys()]).toEqual(MODELS.map((m) => m.id));
    for (const m of MODELS) {
      expect([...EMULATED_MODELS.get(m.id)!.sizes.keys()].sort()).toEqual(m.sizes.map((s) => `${s.width}x${s.height}`).sort());
      expect(EMULATED_MODELS.get(m.id)!.maxReferences).toBe(m.limits.maxReferences);
      // The estimate is the page's price; 1.1 Mini's per-megapixel bill may differ by a fraction of a cent.
      for (const s of m.sizes)
        for (const thinking of m.choices?.thinking ?? [undefined]) {
          const price = pricePerImage(m, s, thinking);
          // Where no price is published the estimate says so; Runware (and the emulator) still bill.
          if (price === undefined) continue;
          const cost = imageCost({ model: m.id, width: s.width, height: s.height, ...(thinking ? { settings: { thinkingLevel: thinking } } : {}) })!;
          expect(Math.abs(cost - price)).toBeLessThan(m === mini ? 0.002 : 1e-9);
        }
    }
  });

  it('prices per tier, and 1.1 Mini per megapixel', () => {
    expect(pricePerImage(fast, sizeOf(fast, 1024, 1024)!)).toBe(0.02);
    expect(pricePerImage(fast, sizeOf(fast, 2048, 2048)!)).toBe(0.04);
    expect(pricePerImage(pro2, sizeOf(pro2, 2560, 1440)!)).toBe(0.15);
    expect(pricePerImage(pro2, sizeOf(pro2, 6048, 2592)!)).toBe(0.33);
    expect(pricePerImage(mini, sizeOf(mini, 1024, 1024)!)).toBe(0.0302);
    expect(pricePerImage(mini, sizeOf(mini, 1512, 648)!)).toBe(0.0282); // 0.934 of 1024²
    expect(estimateUsd(pro11, sizeOf(pro11, 1024, 1024)!, 20)).toBe(1.54);
    expect(estimateUsd(fast, sizeOf(fast, 1024, 1024)!, 20)).toBe(0.4);
  });

  it('prices 2.5 Fast by thinking effort at 1K (medium when none is chosen), and publishes no 2K price', () => {
    const square = sizeOf(fast25, 1024, 1024)!;
    expect([pricePerImage(fast25, square, 'low'), pricePerImage(fast25, square), pricePerImage(fast25, square, 'high')]).toEqual([0.021, 0.022, 0.025]);
    expect(estimateUsd(fast25, square, 20, 'high')).toBe(0.5);
    expect(pricePerImage(fast25, sizeOf(fast25, 2048, 2048)!, 'low')).toBeUndefined();
    expect(estimateUsd(fast25, sizeOf(fast25, 2048, 2048)!, 20)).toBeUndefined();
  });

  it('gives 2.5 Fast its own ten ratios at 1K and 2K, not 2.0’s', () => {
    expect([fast25.sizes.length, tiersOf(fast25)]).toEqual([20, ['1K', '2K']]);
    expect(matchSize(fast25, 2100, 900)).toMatchObject({ ratio: '21:9', width: 1344, height: 576 });
    expect(sizeOf(fast25, 1120, 896)).toBeUndefined(); // 2.0's 5:4
    expect(carrySize(sizeOf(pro2, 4096, 4096)!, fast25)).toMatchObject({ tier: '2K', width: 2048, height: 2048 });
  });

  it('matches a frame within the model’s own ratios, at the tier asked for', () => {
    expect(matchSize(fast, 1250, 1000).ratio).toBe('5:4'); // 1.x has no 5:4: 9:7 there
    expect(matchSize(pro11, 1250, 1000).ratio).toBe('9:7');
    expect(matchSize(fast, 400, 1000).ratio).toBe('9:16'); // 2.0 has no 3:7
    expect(matchSize(pro2, 1600, 900, '4K')).toMatchObject({ width: 5120, height: 2880 });
    expect(matchSize(fast, 1600, 900, '4K')).toMatchObject({ tier: '1K' }); // not offered: the model's first tier
  });

  it('keeps the ratio and tier on a switch where the new model has them', () => {
    expect(carrySize(sizeOf(fast, 2304, 1728)!, pro2)).toMatchObject({ tier: '2K', ratio: '4:3' });
    expect(carrySize(sizeOf(pro2, 6048, 2592)!, fast)).toMatchObject({ tier: '2K', ratio: '7:3' });
    expect(carrySize(sizeOf(pro2, 4480, 3584)!, pro11)).toMatchObject({ tier: '1K', ratio: '9:7' }); // no 5:4 on 1.x: the nearest
    expect(carrySize(sizeOf(pro11, 648, 1512)!, pro2)).toMatchObject({ tier: '1K', ratio: '9:16' });
  });

  it('holds every model to the reference sizes the export makes', () => {
    for (const m of MODELS) expect([m.limits.minReferenceSide, m.limits.maxReferenceSide]).toEqual([REFERENCE_MIN_SIDE, REFERENCE_MAX_SIDE]);
    expect(fast.limits.maxReferences).toBe(4);
  });
});
