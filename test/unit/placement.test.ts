import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gridColumns, grownBox, placeResults, placementGap } from '../../core/placement.ts';
import { contains, fitInside, overlaps as overlap, type Rect } from '../../core/rect.ts';
const source = { x: 100, y: 200, width: 1152, height: 864 };

describe('placement', () => {
  it('puts one result to the right of the source, as wide as it, with the output ratio', () => {
    const [r] = placeResults({ source, obstacles: [source], count: 1, outputWidth: 1280, outputHeight: 720 })!;
    const gap = placementGap(1152);
    expect(r).toEqual({ x: 100 + 1152 + gap, y: 200, width: 1152, height: 648 });
  });

  it('lays out up to 4 results in a row and more in a grid, with even gaps', () => {
    expect([1, 2, 3, 4, 5, 9, 10, 20].map(gridColumns)).toEqual([1, 2, 3, 4, 3, 3, 4, 5]);
    const rects = placeResults({ source, obstacles: [source], count: 6, outputWidth: 1024, outputHeight: 1024 })!;
    const gap = placementGap(1152);
    expect(rects).toHaveLength(6);
    expect(rects[1]!.x - (rects[0]!.x + rects[0]!.width)).toBe(gap);
    expect(rects[3]!.y - (rects[0]!.y + rects[0]!.height)).toBe(gap);
    expect(rects[3]!.x).toBe(rects[0]!.x);
  });

  it('never overlaps the source, siblings or each other', () => {
    const siblings: Rect[] = [
      source,
      { x: 1300, y: 0, width: 500, height: 500 },
      { x: 1900, y: 900, width: 800, height: 300 },
      { x: 2800, y: 150, width: 100, height: 3000 },
    ];
    const rects = placeResults({ source, obstacles: siblings, count: 7, outputWidth: 1152, outputHeight: 864 })!;
    for (const r of rects) for (const s of siblings) expect(overlap(r, s)).toBe(false);
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlap(rects[i]!, rects[j]!)).toBe(false);
    expect(rects[0]!.x).toBeGreaterThan(2900);
  });

  it('ignores things that are far away above or below', () => {
    const rects = placeResults({
      source,
      obstacles: [source, { x: 1300, y: 5000, width: 400, height: 400 }],
      count: 1,
      outputWidth: 1024,
      outputHeight: 1024,
    })!;
    expect(rects[0]!.x).toBe(100 + 1152 + placementGap(1152));
  });

  it('returns nothing for zero results', () => {
    expect(placeResults({ source, obstacles: [], count: 0, outputWidth: 1, outputHeight: 1 })!).toEqual([]);
  });

  it('in every layout: no slot covers an obstacle or another slot, and no growing section covers a neighbour it did not', () => {
    const rect = fc.record({
      x: fc.integer({ min: -2000, max: 4000 }),
      y: fc.integer({ min: -2000, max: 4000 }),
      width: fc.integer({ min: 1, max: 1500 }),
      height: fc.integer({ min: 1, max: 1500 }),
    });
    fc.assert(
      fc.property(
        rect,
        fc.array(rect, { maxLength: 12 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom([1024, 1024], [1280, 720], [720, 1280], [1512, 648]),
        fc.option(fc.record({ box: rect, keepClear: fc.array(rect, { maxLength: 4 }) }), { nil: undefined }),
        (src, others, count, [ow, oh], section) => {
          const growing = section ? [{ box: section.box, keepClear: section.keepClear.filter((k) => !overlap(k, section.box)) }] : [];
          const obstacles = [src, ...others];
          const slots = placeResults({ source: src, obstacles, count, outputWidth: ow!, outputHeight: oh!, growing });
          if (!slots) return section !== undefined; // only a section can leave no room
          expect(slots).toHaveLength(count);
          for (let i = 0; i < slots.length; i++) {
            for (const o of obstacles) expect(overlap(slots[i]!, o)).toBe(false);
            for (let j = i + 1; j < slots.length; j++) expect(overlap(slots[i]!, slots[j]!)).toBe(false);
          }
          for (const g of growing) {
            const block = slots.reduce((b, s) => grownBox(b, s, 0), slots[0]!);
            for (const k of g.keepClear) expect(overlap(grownBox(g.box, block, placementGap(src.width)), k)).toBe(false);
          }
          return true;
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('fitInside: a result of another ratio than its slot', () => {
  it('keeps its own ratio and never reaches past the slot', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        (sw, sh, w, h) => {
          const slot = { x: 10, y: -20, width: sw, height: sh };
          const box = fitInside(slot, w, h);
          expect(contains(slot, box)).toBe(true);
          expect(box.width / box.height).toBeCloseTo(w / h, 6);
          // As large as the slot allows: it touches the slot's width or its height.
          expect(Math.abs(box.width - sw) < 1e-6 || Math.abs(box.height - sh) < 1e-6).toBe(true);
        },
      ),
    );
  });
});
