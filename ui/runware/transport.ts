import type { TransportName } from '../../core/protocol/shared.ts';
import type { Envelope } from '../../core/runware/response.ts';

export interface SendOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** One way to deliver a batch of tasks to Runware and read the answer to each. */
export interface Transport {
  readonly name: TransportName;
  send(tasks: readonly object[], options: SendOptions): Promise<Envelope>;
  /** Proves Runware is reachable this way (and the key accepted) without sending a task. */
  probe(options: SendOptions): Promise<void>;
  close(): void;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
