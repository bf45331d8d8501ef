import type { BatchItem } from '../run/panelState.ts';

export type { BatchItem };

const LABEL: Record<BatchItem['status'], string> = { queued: 'Queued', running: 'Running…', placed: 'Placed', failed: 'Failed' };

/** Per-frame progress of an "Edit each frame" run; a failed frame can be retried alone. */
export function BatchStatus({ items, onRetry, busy }: { items: readonly BatchItem[]; onRetry: (id: string) => void; busy: boolean }) {
  return (
    <ul class="batch" aria-label="Batch">
      {items.map((item) => (
        <li key={item.id} class={`batch-${item.status}`}>
          <span class="grow">
            <strong>{item.name}</strong> · {LABEL[item.status]}
            {item.message ? <span class="hint"> — {item.message}</span> : null}
          </span>
          {item.status === 'failed' && !busy ? (
            <button type="button" class="link" aria-label={`Retry “${item.name}”`} onClick={() => onRetry(item.id)}>
              Retry
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
