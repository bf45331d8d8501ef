/**
 * The designer's order of references over a selection. Figma's selection says which
 * nodes; the order (and which are dropped) is the designer's, and holds while the same
 * nodes stay selected. A changed selection starts from its own order again.
 */
export interface ReferenceOrder {
  /** The selection the order was made for, as a sorted key. */
  readonly selectionKey: string;
  readonly ids: readonly string[];
}

export function selectionKey(ids: readonly string[]): string {
  return [...ids].sort().join(',');
}

export function orderFor(selected: readonly string[], current: ReferenceOrder | undefined): string[] {
  if (current && current.selectionKey === selectionKey(selected)) return current.ids.filter((id) => selected.includes(id));
  return [...selected];
}

export function move(ids: readonly string[], index: number, delta: -1 | 1): string[] {
  const to = index + delta;
  if (to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function drop(ids: readonly string[], index: number): string[] {
  return ids.filter((_, i) => i !== index);
}
