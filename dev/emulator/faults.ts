import type { EmuError } from './contract.ts';

export type TaskType = 'imageInference' | 'imageUpload' | 'getResponse' | 'authentication' | 'ping';

/** One injected failure, consumed by the next `times` matching requests, over REST or WebSocket alike. */
export interface Fault {
  readonly on?: TaskType | 'any';
  readonly times?: number;
  readonly status?: number;
  readonly error?: Partial<EmuError>;
  /** A raw body instead of JSON (malformed answers, legacy shapes). */
  readonly body?: string;
  readonly delayMs?: number;
  /** Never answer. */
  readonly hang?: boolean;
  /** Close the connection (or the socket) without an answer. */
  readonly drop?: boolean;
  /** Accept (and charge) the task first, then fail the answer: the ambiguous case. */
  readonly afterAccept?: boolean;
}

/** The faults waiting for requests; each request takes the first that matches its task types. */
export class FaultQueue {
  private readonly queue: { fault: Fault; left: number }[] = [];

  inject(fault: Fault): void {
    this.queue.push({ fault, left: fault.times ?? 1 });
  }

  take(taskTypes: readonly unknown[]): Fault | undefined {
    const i = this.queue.findIndex(({ fault }) => !fault.on || fault.on === 'any' || taskTypes.includes(fault.on));
    if (i < 0) return undefined;
    const entry = this.queue[i]!;
    if (--entry.left <= 0) this.queue.splice(i, 1);
    return entry.fault;
  }

  clear(): void {
    this.queue.length = 0;
  }
}

/** The error body a fault answers with, scoped to the request's first task as Runware scopes errors. */
export function faultBody(fault: Fault, tasks: readonly Record<string, unknown>[], afterAccept: boolean): string {
  if (fault.body !== undefined) return fault.body;
  const first = tasks.find((t) => t?.taskType !== 'authentication');
  const base = afterAccept ? { code: 'internalServerError', message: 'Injected failure after accepting' } : { code: 'error', message: 'Injected failure' };
  return JSON.stringify({ errors: [{ ...base, ...(typeof first?.taskUUID === 'string' ? { taskUUID: first.taskUUID } : {}), ...fault.error }] });
}
