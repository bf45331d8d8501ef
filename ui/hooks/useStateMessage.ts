import { useEffect } from 'preact/hooks';
import type { ToUI } from '../../core/protocol/toUI.ts';
import { latestMessage, onMessage } from '../bridge.ts';

type StateType = 'selection' | 'pins';

/**
 * Follows a message that describes state (the selection, the pins): each new one, and the
 * newest already received, which may have arrived between the first render and this effect.
 */
export function useStateMessage<T extends StateType>(type: T, apply: (message: Extract<ToUI, { type: T }>) => void): void {
  useEffect(() => {
    const stop = onMessage((m) => {
      if (m.type === type) apply(m as Extract<ToUI, { type: T }>);
    });
    const missed = latestMessage(type);
    if (missed) apply(missed);
    return stop;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribed once; `apply` only sets state
  }, [type]);
}
