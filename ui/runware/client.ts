import type { Timing } from '../../core/protocol.ts';
import { pollDelayMs, retryDelayMs } from '../../core/runware/backoff.ts';
import { classifyApiError, retryPolicy, RunwareError } from '../../core/runware/failures.ts';
import { readTaskProgress, readUploadedUuid, type Envelope, type ImageResult } from '../../core/runware/response.ts';
import { buildGetResponseTask, buildUploadTask, type ImageInferenceTask } from '../../core/runware/tasks.ts';
import { uuidV4 } from '../../core/runware/uuid.ts';
import type { Transport } from './transport.ts';

const MAX_RESUBMITS = 3;
const MAX_POLL_FAILURES = 5;

export interface ClientOptions {
  /** Transports in order of preference; the first that reaches Runware is kept. */
  readonly transports: readonly Transport[];
  readonly timing: Timing;
  readonly onTransport?: (name: Transport['name']) => void;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new RunwareError({ kind: 'cancelled' }));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new RunwareError({ kind: 'cancelled' }));
    });
  });
}

/** Throws the first error an envelope holds for a task, classified. */
function throwIfFailed(envelope: Envelope, taskUUID: string): void {
  const e = envelope.errors.find((x) => !x.taskUUID || x.taskUUID === taskUUID);
  if (e) throw new RunwareError(classifyApiError(envelope.status, e));
}

export type SubmitOutcome = { readonly accepted: true } | { readonly accepted: 'unknown'; readonly cause: RunwareError };

/**
 * Runware calls with the delivery rules of this plugin: one click is charged at most once.
 * A task is resubmitted only when Runware said it was not accepted (429, 503) or when
 * getResponse says it does not know the taskUUID; anything ambiguous is checked first.
 */
export class RunwareClient {
  private transports: Transport[];
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly options: ClientOptions) {
    this.transports = [...options.transports];
    this.sleep = options.sleep ?? abortableSleep;
  }

  get transportName(): Transport['name'] | undefined {
    return this.transports[0]?.name;
  }

  /**
   * Sends tasks. When the browser refuses the first transport outright (fetch's bare
   * TypeError: CORS, CSP, offline), the next one becomes the first and is remembered.
   * Idempotent batches are resent on it at once; a submit is not: the failure goes back
   * to submit(), which asks getResponse before it would ever send the task again.
   */
  async call(tasks: readonly object[], signal?: AbortSignal, idempotent = true): Promise<Envelope> {
    const options = { timeoutMs: this.options.timing.requestTimeoutMs, ...(signal ? { signal } : {}) };
    const [first, next] = this.transports;
    if (!first) throw new RunwareError({ kind: 'network' });
    try {
      return await first.send(tasks, options);
    } catch (e) {
      if (!(e instanceof RunwareError) || e.failure.kind !== 'network' || !next) throw e;
      let envelope: Envelope | undefined;
      try {
        if (idempotent) envelope = await next.send(tasks, options);
        else await next.probe(options);
      } catch (second) {
        // Name the first host in the message: that is the one the user's network refused.
        if (second instanceof RunwareError && second.failure.kind === 'network') throw e;
        throw second;
      }
      first.close();
      this.transports = [next, first];
      this.options.onTransport?.(next.name);
      if (!envelope) throw e;
      return envelope;
    }
  }

  async upload(dataUri: string, signal?: AbortSignal): Promise<string> {
    const taskUUID = uuidV4();
    const envelope = await this.withResubmits(() => this.call([buildUploadTask(dataUri, taskUUID)], signal), signal);
    throwIfFailed(envelope, taskUUID);
    const uuid = readUploadedUuid(envelope, taskUUID);
    if (!uuid) throw new RunwareError({ kind: 'malformed', status: envelope.status });
    return uuid;
  }

  /** Retries only what Runware said it did not accept. */
  private async withResubmits(send: () => Promise<Envelope>, signal?: AbortSignal): Promise<Envelope> {
    for (let attempt = 0; ; attempt++) {
      try {
        const envelope = await send();
        const e = envelope.errors[0];
        if (e) {
          const failure = classifyApiError(envelope.status, e);
          if (retryPolicy(failure.kind) === 'resubmit' && attempt < MAX_RESUBMITS) {
            await this.sleep(retryDelayMs(attempt), signal);
            continue;
          }
        }
        return envelope;
      } catch (e) {
        if (e instanceof RunwareError && retryPolicy(e.failure.kind) === 'resubmit' && attempt < MAX_RESUBMITS) {
          await this.sleep(retryDelayMs(attempt), signal);
          continue;
        }
        throw e;
      }
    }
  }

  /**
   * Submits an async imageInference task. Resolves `accepted: true` on Runware's
   * acknowledgement, or `accepted: 'unknown'` when the answer was lost and getResponse
   * could not tell either: the caller keeps the task pending, never resubmits it blindly.
   * Throws only when Runware certainly did not accept the task (nothing was charged).
   */
  async submit(task: ImageInferenceTask, signal?: AbortSignal): Promise<SubmitOutcome> {
    for (let attempt = 0; ; attempt++) {
      let failure: RunwareError;
      try {
        const envelope = await this.call([task], signal, false);
        // Runware saying it already has this taskUUID means an earlier attempt got through.
        if (envelope.errors.some((x) => /duplicate/i.test(x.code) && x.taskUUID === task.taskUUID)) return { accepted: true };
        throwIfFailed(envelope, task.taskUUID);
        return { accepted: true };
      } catch (e) {
        if (!(e instanceof RunwareError)) throw e;
        failure = e;
      }
      // An unreadable answer to a submit is as ambiguous as a lost one.
      const policy = failure.failure.kind === 'malformed' ? 'check' : retryPolicy(failure.failure.kind);
      if (policy === 'stop') throw failure;
      if (policy === 'check') {
        const known = await this.isKnown(task.taskUUID, signal);
        if (known === true) return { accepted: true };
        if (known === 'unknown') return { accepted: 'unknown', cause: failure };
      }
      if (attempt >= MAX_RESUBMITS) throw failure;
      await this.sleep(retryDelayMs(attempt), signal);
    }
  }

  /** Whether Runware has the task: true, false (taskNotFound), or 'unknown' if it cannot say. */
  private async isKnown(taskUUID: string, signal?: AbortSignal): Promise<boolean | 'unknown'> {
    try {
      const envelope = await this.call([buildGetResponseTask(taskUUID)], signal);
      throwIfFailed(envelope, taskUUID);
      return true;
    } catch (e) {
      if (e instanceof RunwareError && e.failure.kind === 'taskNotFound') return false;
      if (e instanceof RunwareError && e.failure.kind === 'cancelled') throw e;
      if (e instanceof RunwareError && retryPolicy(e.failure.kind) === 'stop') return true;
      return 'unknown';
    }
  }

  /**
   * Polls getResponse until `expected` results were seen: immediately once, then 1 s,
   * ×1.5 up to 10 s. Each new result is handed to `onResult` as it arrives.
   */
  async poll(taskUUID: string, expected: number, seen: ReadonlySet<string>, onResult: (r: ImageResult) => Promise<void>, signal?: AbortSignal): Promise<void> {
    const known = new Set(seen);
    const started = Date.now();
    let failures = 0;
    for (let attempt = 0; known.size < expected; attempt++) {
      if (attempt > 0) {
        if (Date.now() - started > this.options.timing.pollLimitMs) throw new RunwareError({ kind: 'timeout' });
        await this.sleep(pollDelayMs(attempt - 1) * this.options.timing.pollScale, signal);
      }
      let envelope: Envelope;
      try {
        envelope = await this.call([buildGetResponseTask(taskUUID)], signal);
        throwIfFailed(envelope, taskUUID);
        failures = 0;
      } catch (e) {
        if (!(e instanceof RunwareError) || retryPolicy(e.failure.kind) === 'stop' || ++failures >= MAX_POLL_FAILURES) throw e;
        continue;
      }
      const progress = readTaskProgress(envelope, taskUUID);
      if (progress.unreadable > 0 && progress.results.length === 0 && !progress.processing) {
        throw new RunwareError({ kind: 'malformed', status: envelope.status });
      }
      for (const result of progress.results) {
        if (known.has(result.imageUUID)) continue;
        known.add(result.imageUUID);
        await onResult(result);
      }
    }
  }

  close(): void {
    for (const t of this.transports) t.close();
  }
}
