import { useState } from 'preact/hooks';
import { roundUsd } from '../../core/pricing.ts';
import { request } from '../bridge.ts';

/**
 * What Runware charged: this session's (the panel's own count) and this month's on this computer
 * (kept by the main thread). Every charged run reports here once, whatever kind of run it was.
 */
export function useSpend(initialMonth: number) {
  const [session, setSession] = useState(0);
  const [month, setMonth] = useState(initialMonth);
  function charged(usd: number) {
    if (!(usd > 0)) return;
    setSession((c) => roundUsd(c + usd));
    setMonth((m) => roundUsd(m + usd));
    // The stored total is the record; a failed write leaves the panel's own count standing.
    request({ type: 'record-spend', usd }).then(
      ({ monthUsd }) => setMonth(monthUsd),
      () => undefined,
    );
  }
  return { session, month, charged };
}
