import { RunwareError } from '../../core/runware/failures.ts';
import type { SendOptions } from './transport.ts';

/** Links the caller's cancel signal and our own time-out into one abort, remembering which fired. */
export function deadline(options: SendOptions) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onCancel = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', onCancel);
  return {
    signal: controller.signal,
    failure: () => new RunwareError(timedOut ? { kind: 'timeout' } : { kind: 'cancelled' }),
    done: () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCancel);
    },
  };
}

/** A sleep that ends early, as a cancellation, when `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new RunwareError({ kind: 'cancelled' }));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new RunwareError({ kind: 'cancelled' }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
