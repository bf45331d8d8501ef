import { describe, expect, it } from 'vitest';
import { runPool } from '../../core/pool.ts';
import { drop, move, orderFor, selectionKey } from '../../core/referenceOrder.ts';

describe('reference order', () => {
  it('follows the selection until the designer changes it', () => {
    expect(orderFor(['a', 'b', 'c'], undefined)).toEqual(['a', 'b', 'c']);
    const custom = { selectionKey: selectionKey(['a', 'b', 'c']), ids: ['c', 'a'] };
    expect(orderFor(['b', 'c', 'a'], custom)).toEqual(['c', 'a']);
    // Another selection starts over from its own order.
    expect(orderFor(['a', 'b'], custom)).toEqual(['a', 'b']);
  });
  it('moves and drops', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(drop(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });
});

describe('runPool', () => {
  it('runs every item with at most `limit` in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const done: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5 + (n % 3) * 5));
      inFlight--;
      done.push(n);
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it('handles an empty list', async () => {
    await runPool([], 3, async () => {
      throw new Error('never');
    });
  });
});
