import { formatSize } from '../../core/format.ts';
import type { SelectedNode, SkippedNode } from '../../core/protocol/shared.ts';
import { useVisibleRows } from '../hooks/useVisibleRows.ts';

interface Props {
  readonly nodes: readonly SelectedNode[];
  /** Ids of the document's pinned references (sent with every run). */
  readonly pinned: ReadonlySet<string>;
  readonly onPin: (nodeId: string, pinned: boolean) => void;
  /** The first rows are the selection, which can be reordered; pinned references follow them. */
  readonly movable: number;
  readonly skipped: readonly SkippedNode[];
  /** Picked first by the designer, or first in reading order (the plugin opened on a multi-selection). */
  readonly baseRule: 'picked' | 'reading';
  readonly thumbnails: ReadonlyMap<string, string>;
  readonly onMove: (index: number, delta: -1 | 1) => void;
  readonly onRemove: (index: number) => void;
  readonly onReset: (() => void) | undefined;
  /** Rows that scrolled into view: only those need a thumbnail (a batch can list 50 frames). */
  readonly onVisible: (nodeIds: readonly string[]) => void;
}

/**
 * The references in the order they are sent. Riverflow reads the first as the composition,
 * so it is marked as the base; reordering and dropping here leaves Figma's selection alone.
 */
export function ReferencesList({ nodes, pinned, onPin, movable, skipped, baseRule, thumbnails, onMove, onRemove, onReset, onVisible }: Props) {
  const rowRef = useVisibleRows(onVisible);
  return (
    <section class="field" aria-label="References">
      <div class="row">
        <h2 class="label grow">References</h2>
        {onReset ? (
          <button type="button" class="link" onClick={onReset}>
            Use selection order
          </button>
        ) : null}
      </div>
      {nodes.length === 0 ? <p class="hint">Nothing usable selected.</p> : null}
      {nodes.length > 1 ? (
        <p class="hint" data-testid="base-rule">
          Base: “{nodes[0]!.name}”, {baseRule === 'picked' ? 'the frame you picked first' : 'the top-left frame on the canvas'}. Reorder below to change it.
        </p>
      ) : null}
      <ol class="refs">
        {nodes.map((n, i) => (
          <li key={n.id} data-id={n.id} ref={rowRef}>
            {thumbnails.get(n.id) ? <img class="thumb" src={thumbnails.get(n.id)} alt="" /> : <span class="thumb" />}
            <span class="grow ref-text">
              <span class="ref-name">{n.name}</span>
              <span class="hint">
                {formatSize(n.width, n.height)}
                {i === 0 ? ' · base' : ''}
                {pinned.has(n.id) ? ' · pinned' : ''}
              </span>
              {n.protected?.length ? <span class="hint">Protected: {n.protected.map((p) => p.name).join(', ')}</span> : null}
            </span>
            <button
              type="button"
              class="link"
              aria-pressed={pinned.has(n.id)}
              aria-label={`${pinned.has(n.id) ? 'Unpin' : 'Pin'} “${n.name}”`}
              onClick={() => onPin(n.id, !pinned.has(n.id))}
            >
              {pinned.has(n.id) ? 'Unpin' : 'Pin'}
            </button>
            {movable > 1 && i < movable ? (
              <span class="ref-actions">
                <button type="button" class="icon" aria-label={`Move “${n.name}” up`} disabled={i === 0} onClick={() => onMove(i, -1)}>
                  ↑
                </button>
                <button type="button" class="icon" aria-label={`Move “${n.name}” down`} disabled={i === movable - 1} onClick={() => onMove(i, 1)}>
                  ↓
                </button>
                <button type="button" class="icon" aria-label={`Remove “${n.name}”`} onClick={() => onRemove(i)}>
                  ×
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {skipped.map((s) => (
        <p class="hint warn" key={s.name + s.reason}>
          “{s.name}” {s.reason}: not sent.
        </p>
      ))}
    </section>
  );
}
