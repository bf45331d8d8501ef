import { useState } from 'preact/hooks';
import type { AreaSelection } from '../../core/protocol/composite.ts';
import type { SelectedNode, SkippedNode } from '../../core/protocol/shared.ts';
import { drop, move, orderFor, selectionKey, type ReferenceOrder } from '../../core/referenceOrder.ts';
import { latestMessage } from '../bridge.ts';
import type { ToUI } from '../../core/protocol/toUI.ts';
import { useStateMessage } from './useStateMessage.ts';

type Layer = NonNullable<Extract<ToUI, { type: 'selection' }>['layer']>;

/** Figma's selection as references: the usable nodes in the designer's order, and what is left out. */
export function useSelection() {
  const first = latestMessage('selection');
  const [selected, setSelected] = useState<readonly SelectedNode[]>(first?.nodes ?? []);
  const [skipped, setSkipped] = useState<readonly SkippedNode[]>(first?.skipped ?? []);
  const [baseRule, setBaseRule] = useState<'picked' | 'reading'>(first?.order ?? 'picked');
  const [order, setOrder] = useState<ReferenceOrder | undefined>(undefined);
  const [area, setArea] = useState<AreaSelection | undefined>(first?.area);
  const [layer, setLayer] = useState<Layer | undefined>(first?.layer);

  useStateMessage('selection', (m) => {
    setSelected(m.nodes);
    setSkipped(m.skipped);
    setBaseRule(m.order);
    setArea(m.area);
    setLayer(m.layer);
  });

  const selectedIds = selected.map((n) => n.id);
  const nodes = orderFor(selectedIds, order).map((id) => selected.find((n) => n.id === id)!);
  const ids = nodes.map((n) => n.id);
  const change = (next: string[]) => setOrder({ selectionKey: selectionKey(selectedIds), ids: next });
  const reordered = ids.join(',') !== selectedIds.join(',');

  return {
    nodes,
    skipped,
    base: nodes[0],
    /** A marked area, when a marker shape is selected (it counts only on the base frame). */
    area,
    /** One layer selected inside a frame: what Protect acts on. */
    layer,
    /** How the base was chosen, when the designer did not reorder by hand. */
    baseRule: reordered ? ('picked' as const) : baseRule,
    reordered,
    moveReference: (index: number, delta: -1 | 1) => change(move(ids, index, delta)),
    dropReference: (index: number) => change(drop(ids, index)),
    resetOrder: () => setOrder(undefined),
  };
}
