import { describe, expect, it } from 'vitest';
import { originalFits, paddedBox, pickReferenceFormat, planReferenceExport, REFERENCE_MAX_SIDE, REFERENCE_MIN_SIDE } from '../../core/exportSize.ts';

describe('reference export size', () => {
  it('keeps a 1152×864 frame at 1× when the output is 1152 wide', () => {
    expect(planReferenceExport(1152, 864, 1152)).toEqual({ constraint: { type: 'WIDTH', value: 1152 }, width: 1152, height: 864 });
  });

  it('scales a huge frame down to what the output needs', () => {
    const plan = planReferenceExport(4000, 3000, 1152);
    expect(plan).toMatchObject({ width: 1152, height: 864, constraint: { type: 'WIDTH', value: 1152 } });
  });

  it('never exports more than 2048 px on the long side, whatever is asked', () => {
    const plan = planReferenceExport(20000, 20000, 5000);
    expect(plan.width).toBe(2048);
    expect(plan.height).toBe(2048);
  });

  it('raises a tiny frame to 300 px on its short side', () => {
    expect(planReferenceExport(1, 1)).toMatchObject({ width: 300, height: 300 });
    expect(planReferenceExport(200, 150)).toMatchObject({ width: 400, height: 300 });
    expect(planReferenceExport(90, 160)).toMatchObject({ width: 300, height: 533, constraint: { type: 'HEIGHT', value: 533 } });
  });

  it('keeps the long side within 2048 for extreme ratios, even if the short side ends under 300', () => {
    const wide = planReferenceExport(10000, 100, 1512);
    expect(wide.width).toBe(2048);
    expect(wide.height).toBe(20);
    const tall = planReferenceExport(50, 1000);
    expect(tall).toMatchObject({ width: 102, height: 2048, constraint: { type: 'HEIGHT', value: 2048 } });
  });

  it('raises the short side to 300 when the ratio still allows a long side ≤ 2048', () => {
    const plan = planReferenceExport(3000, 500, 1512);
    expect(plan.height).toBe(300);
    expect(plan.width).toBe(1800);
  });
});

describe('reference format', () => {
  it('keeps PNG when the frame may be transparent, whatever the sizes', () => {
    expect(pickReferenceFormat(900_000, 100_000, false)).toBe('PNG');
  });
  it('takes JPG for an opaque frame only when it saves a third or more', () => {
    expect(pickReferenceFormat(900_000, 300_000, true)).toBe('JPG');
    expect(pickReferenceFormat(900_000, 700_000, true)).toBe('PNG');
    expect(pickReferenceFormat(900_000, undefined, true)).toBe('PNG');
  });
});

describe('sending an image fill’s original file', () => {
  it('only when it shows the same picture and is within what the model reads', () => {
    expect(originalFits({ width: 500, height: 375 }, { width: 1000, height: 750 }, 1152)).toBe(true);
    expect(originalFits({ width: 500, height: 500 }, { width: 1000, height: 750 }, 1152)).toBe(false); // FILL would crop
    expect(originalFits({ width: 500, height: 375 }, { width: 1000, height: 750 }, 864)).toBe(false); // more than needed
    expect(originalFits({ width: 400, height: 200 }, { width: 400, height: 200 }, 1152)).toBe(false); // under 300 px
    expect(originalFits({ width: 3000, height: 3000 }, { width: 3000, height: 3000 }, 5000)).toBe(false); // over 2048
  });
});

describe('references thinner than Riverflow takes', () => {
  it('pads a banner, a skyscraper and a strip to a ratio whose short side reaches 300 px at 2048, and leaves others alone', () => {
    for (const [w, h] of [
      [3000, 300],
      [300, 3000],
      [10000, 100],
      [2048, 200],
    ] as const) {
      const pad = paddedBox(w, h)!;
      expect(Math.max(pad.width, pad.height)).toBe(Math.max(w, h));
      const plan = planReferenceExport(pad.width, pad.height);
      expect(Math.min(plan.width, plan.height)).toBeGreaterThanOrEqual(REFERENCE_MIN_SIDE);
      expect(Math.max(plan.width, plan.height)).toBeLessThanOrEqual(REFERENCE_MAX_SIDE);
    }
    expect(paddedBox(1400, 600)).toBeUndefined();
    expect(paddedBox(2048, 300)).toBeUndefined();
  });
});
