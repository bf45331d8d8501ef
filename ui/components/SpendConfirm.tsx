import { useEffect, useRef } from 'preact/hooks';
import { formatUsd } from '../../core/format.ts';
import { spendLabel } from '../../core/spend.ts';
import type { PendingSpend } from '../hooks/useSpendGate.ts';

interface Props {
  readonly pending: PendingSpend;
  readonly thresholdUsd: number;
  readonly onSpend: () => void;
  readonly onCancel: () => void;
}

/** "Spend $X.XX" before a run above the threshold: focus lands on it; Escape or Cancel drops the run. */
export function SpendConfirm({ pending, thresholdUsd, onSpend, onCancel }: Props) {
  const spendButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    spendButton.current?.focus();
    spendButton.current?.scrollIntoView?.({ block: 'nearest' });
  }, [pending]);
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-labelledby="spend-title"
      aria-describedby="spend-detail"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <p class="label" id="spend-title">
        {pending.what}: {pending.quote.exact ? '' : 'at least '}
        {formatUsd(pending.quote.usd)}
      </p>
      <p class="hint" id="spend-detail">
        {pending.quote.detail}. That is above the {formatUsd(thresholdUsd)} you asked to confirm (Advanced); nothing is sent until you press Spend.
      </p>
      <div class="row">
        <button type="button" class="btn primary" ref={spendButton} onClick={onSpend}>
          {spendLabel(pending.quote)}
        </button>
        <button type="button" class="btn secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
