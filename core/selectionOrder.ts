import type { Rect } from './rect.ts';

/**
 * The order the designer picked nodes in. Figma reports the selection in no promised
 * order, so the panel follows successive selection changes: nodes kept stay in place,
 * nodes added join at the end. Nodes added together (or selected before the panel
 * opened) have no pick order of their own and are put in reading order.
 */
export interface PickOrder {
  readonly ids: readonly string[];
  /** Ids that arrived several at once, so their order is reading order, not the designer's. */
  readonly unordered: readonly string[];
}

export const NO_PICKS: PickOrder = { ids: [], unordered: [] };

/** Top to bottom, then left to right (by each box's top-left corner). */
export function readingOrder<T extends { readonly id: string; readonly box: Rect }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}

export function nextPickOrder(previous: PickOrder, selected: readonly { readonly id: string; readonly box: Rect }[]): PickOrder {
  const ids = new Set(selected.map((s) => s.id));
  const kept = previous.ids.filter((id) => ids.has(id));
  const added = readingOrder(selected.filter((s) => !previous.ids.includes(s.id))).map((s) => s.id);
  const unordered = [...previous.unordered.filter((id) => ids.has(id)), ...(added.length > 1 ? added : [])];
  return { ids: [...kept, ...added], unordered };
}

/** Whether the base (the first) was picked by the designer or only comes first in reading order. */
export function baseRule(order: PickOrder): 'picked' | 'reading' {
  const base = order.ids[0];
  return order.ids.length > 1 && base !== undefined && order.unordered.includes(base) ? 'reading' : 'picked';
}
