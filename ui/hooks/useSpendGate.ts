import { useState } from 'preact/hooks';
import { asksFirst, type SpendQuote } from '../../core/spend.ts';

/** A run waiting for the designer's "Spend $X.XX": what it is, what it costs, and how to send it. */
export interface PendingSpend {
  readonly what: string;
  readonly quote: SpendQuote;
  readonly go: () => void;
}

/**
 * Above the designer's threshold a run waits for an explicit yes; below it, it goes at once.
 * Nothing is sent while it waits: `go` runs only from `spend`.
 */
export function useSpendGate(thresholdUsd: number | undefined) {
  const [pending, setPending] = useState<PendingSpend | null>(null);
  function gate(what: string, quote: SpendQuote, go: () => void) {
    if (asksFirst(quote, thresholdUsd)) setPending({ what, quote, go });
    else go();
  }
  function spend() {
    const p = pending;
    setPending(null);
    p?.go();
  }
  return { pending, gate, spend, cancel: () => setPending(null) };
}
