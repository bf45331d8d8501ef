import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { needsTiles, tilePlan, tilesCover } from '../../core/tiles.ts';

describe('tiles for images past Figma’s 4096 px', () => {
  it('cuts 2.0 Pro’s 4K sizes into the fewest even tiles', () => {
    expect(tilePlan(6048, 2592)).toEqual([
      { x: 0, y: 0, width: 3024, height: 2592 },
      { x: 3024, y: 0, width: 3024, height: 2592 },
    ]);
    expect(tilePlan(4608, 3456)).toHaveLength(2);
    expect(tilePlan(2880, 5120)).toEqual([
      { x: 0, y: 0, width: 2880, height: 2560 },
      { x: 0, y: 2560, width: 2880, height: 2560 },
    ]);
    expect(tilePlan(4096, 4096)).toEqual([{ x: 0, y: 0, width: 4096, height: 4096 }]);
    expect(needsTiles({ width: 4096, height: 4096 })).toBe(false);
    expect(needsTiles({ width: 4097, height: 10 })).toBe(true);
  });

  it('covers every pixel exactly once, in whole pixels, each tile within 4096', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20000 }), fc.integer({ min: 1, max: 20000 }), (w, h) => {
        const tiles = tilePlan(w, h);
        let area = 0;
        for (const t of tiles) {
          expect(Number.isInteger(t.x) && Number.isInteger(t.width) && t.width >= 1 && t.width <= 4096 && t.height <= 4096).toBe(true);
          expect(t.x + t.width <= w && t.y + t.height <= h).toBe(true);
          area += t.width * t.height;
        }
        expect(area).toBe(w * h);
        // Edge to edge: each tile starts where its left neighbour ends.
        for (const t of tiles) expect(t.x === 0 || tiles.some((o) => o.y === t.y && o.x + o.width === t.x)).toBe(true);
        expect(tilesCover(tiles, w, h)).toBe(true);
      }),
    );
  });

  it('refuses tiles that are not the plan', () => {
    const plan = tilePlan(6048, 2592);
    expect(tilesCover(plan.slice(0, 1), 6048, 2592)).toBe(false);
    expect(tilesCover([plan[0]!, { ...plan[1]!, x: 3025 }], 6048, 2592)).toBe(false);
  });
});
