import type { TransportName } from '../../core/protocol/shared.ts';
import type { Timing } from '../../core/records/devEndpoints.ts';
import { pollDelayMs, retryDelayMs } from '../../core/runware/backoff.ts';
import { classifyApiError, retryPolicy, RunwareError } from '../../core/runware/failures.ts';
import { readTaskProgress, readUploadedUuid, requestError, type Envelope, type ImageResult } from '../../core/runware/response.ts';
import { buildGetResponseTask, buildUploadTask, type ImageInferenceTask, type UpscaleTask } from '../../core/runware/tasks.ts';
import { uuidV4 } from './uuid.ts';
import { abortableSleep } from './deadline.ts';
import type { Transport } from './transport.ts';

const MAX_RESUBMITS = 3;
const MAX_POLL_FAILURES = 5;

export interface ClientOptions {
  /** Transports in order of preference; the first that reaches Runware is kept. */
  readonly transports: readonly Transport[];
  readonly timing: Timing;
  readonly onTransport?: (name: TransportName) => void;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly now?: () => number;
}

/** Per task: accepted; not accepted (nothing charged); or unknown (kept pending, asked again later). */
export type SubmitOutcome =
  { readonly accepted: true } | { readonly accepted: false; readonly cause: RunwareError } | { readonly accepted: 'unknown'; readonly cause: RunwareError };

export interface PollHandlers {
  /** A finished image of one task; that task is not polled again. */
  onResult(result: ImageResult): Promise<void>;
  /** Runware ended one task without an image (its own error): the others go on. */
  onTaskFailed(taskUUID: string, failure: RunwareError): Promise<void>;
}

const idOf = (task: object) => (task as { taskUUID: string }).taskUUID;

/**
 * Runware calls with the delivery rules of this plugin: one click is charged at most once.
 * A task is resubmitted (same taskUUID) only when Runware said it was not accepted (429,
 * 503) or getResponse says it does not know it; anything ambiguous is checked first.
 */
export class RunwareClient {
  private transports: Transport[];
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: ClientOptions) {
    this.transports = [...options.transports];
    this.sleep = options.sleep ?? abortableSleep;
    this.now = options.now ?? Date.now;
  }

  /** The client's clock (injected in tests and the simulation): runs are dated by it. */
  time(): number {
    return this.now();
  }

  get transportName(): TransportName | undefined {
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

  private wait(ms: number, signal?: AbortSignal): Promise<void> {
    return this.sleep(ms * this.options.timing.pollScale, signal);
  }

  async upload(dataUri: string, signal?: AbortSignal): Promise<string> {
    const taskUUID = uuidV4();
    for (let attempt = 0; ; attempt++) {
      let failure: RunwareError | undefined;
      try {
        const envelope = await this.call([buildUploadTask(dataUri, taskUUID)], signal);
        const e = requestError(envelope, [taskUUID]) ?? envelope.errors.find((x) => x.taskUUID === taskUUID);
        if (!e) {
          const uuid = readUploadedUuid(envelope, taskUUID);
          if (!uuid) throw new RunwareError({ kind: 'malformed', status: envelope.status });
          return uuid;
        }
        failure = new RunwareError(classifyApiError(envelope.status, e));
      } catch (e) {
        if (!(e instanceof RunwareError)) throw e;
        failure = e;
      }
      // An upload costs nothing: anything but a refusal is simply tried again.
      if (retryPolicy(failure.failure.kind) === 'stop' || attempt >= MAX_RESUBMITS) throw failure;
      await this.wait(retryDelayMs(attempt), signal);
    }
  }

  /**
   * Submits async tasks (edits, upscales) in one request and says, per task, whether Runware
   * accepted it. Throws only when cancelled (then Runware may have accepted them).
   */
  async submit(tasks: readonly (ImageInferenceTask | UpscaleTask)[], signal?: AbortSignal): Promise<Map<string, SubmitOutcome>> {
    const outcomes = new Map<string, SubmitOutcome>();
    let todo = [...tasks];
    for (let attempt = 0; ; attempt++) {
      const ids = todo.map(idOf);
      let envelope: Envelope | undefined;
      let whole: RunwareError | undefined;
      try {
        envelope = await this.call(todo, signal, false);
        const e = requestError(envelope, ids);
        if (e) whole = new RunwareError(classifyApiError(envelope.status, e));
      } catch (e) {
        if (!(e instanceof RunwareError) || e.failure.kind === 'cancelled') throw e;
        whole = e;
      }
      const resubmit: string[] = [];
      const check = new Map<string, RunwareError>();
      for (const id of ids) {
        const own = envelope?.errors.find((x) => x.taskUUID === id);
        // Runware saying it already has this taskUUID means an earlier attempt got through.
        if (!whole && own && /duplicate/i.test(own.code)) outcomes.set(id, { accepted: true });
        else if (!whole && !own) outcomes.set(id, { accepted: true });
        else {
          const failure = whole ?? new RunwareError(classifyApiError(envelope?.status ?? 0, own!));
          // An unreadable answer to a submit is as ambiguous as a lost one.
          const policy = failure.failure.kind === 'malformed' ? 'check' : retryPolicy(failure.failure.kind);
          if (policy === 'stop') outcomes.set(id, { accepted: false, cause: failure });
          else if (policy === 'check') check.set(id, failure);
          else {
            resubmit.push(id);
            outcomes.set(id, { accepted: false, cause: failure });
          }
        }
      }
      if (check.size) {
        const known = await this.isKnown([...check.keys()], signal);
        for (const [id, cause] of check) {
          const k = known.get(id);
          if (k === true) outcomes.set(id, { accepted: true });
          else if (k === false) {
            resubmit.push(id);
            outcomes.set(id, { accepted: false, cause });
          } else outcomes.set(id, { accepted: 'unknown', cause });
        }
      }
      if (!resubmit.length || attempt >= MAX_RESUBMITS) return outcomes;
      await this.wait(retryDelayMs(attempt), signal);
      todo = todo.filter((t) => resubmit.includes(t.taskUUID));
    }
  }

  /** Whether Runware has each task: true, false (not found: safe to resubmit), or 'unknown'. */
  private async isKnown(taskUUIDs: readonly string[], signal?: AbortSignal): Promise<Map<string, boolean | 'unknown'>> {
    const answer = new Map<string, boolean | 'unknown'>();
    let envelope: Envelope;
    try {
      envelope = await this.call(taskUUIDs.map(buildGetResponseTask), signal);
    } catch (e) {
      if (e instanceof RunwareError && e.failure.kind === 'cancelled') throw e;
      for (const id of taskUUIDs) answer.set(id, 'unknown');
      return answer;
    }
    const whole = requestError(envelope, taskUUIDs);
    for (const id of taskUUIDs) {
      const e = whole ?? envelope.errors.find((x) => x.taskUUID === id);
      const kind = e ? classifyApiError(envelope.status, e).kind : undefined;
      if (kind === 'taskNotFound') answer.set(id, false);
      // Refused outright (a bad key, say): never resubmit on a guess.
      else if (!kind || retryPolicy(kind) === 'stop') answer.set(id, true);
      else answer.set(id, 'unknown');
    }
    return answer;
  }

  /**
   * Polls getResponse for every unfinished task in one request, on the schedule of
   * `pollDelayMs`, until each task has its image or its error. Finished tasks drop out of
   * the request, so an image is received once. Throws on a failure of the whole request
   * that will not clear, or after the time limit (the tasks stay pending).
   */
  async poll(taskUUIDs: readonly string[], handlers: PollHandlers, signal?: AbortSignal, immediate = false): Promise<void> {
    const open = new Set(taskUUIDs);
    const started = this.now();
    let failures = 0;
    for (let first = true; open.size > 0; first = false) {
      const elapsed = this.now() - started;
      if (elapsed > this.options.timing.pollLimitMs) throw new RunwareError({ kind: 'timeout' });
      // The schedule runs on the scaled clock, as the emulator's does in tests and benches.
      if (!(first && immediate)) await this.wait(pollDelayMs(elapsed / this.options.timing.pollScale), signal);
      const ids = [...open];
      let envelope: Envelope;
      try {
        envelope = await this.call(ids.map(buildGetResponseTask), signal);
        const e = requestError(envelope, ids);
        if (e) throw new RunwareError(classifyApiError(envelope.status, e));
      } catch (e) {
        if (!(e instanceof RunwareError) || retryPolicy(e.failure.kind) === 'stop' || ++failures >= MAX_POLL_FAILURES) throw e;
        continue;
      }
      let unreadable = 0;
      let heard = 0;
      for (const id of ids) {
        const progress = readTaskProgress(envelope, id);
        unreadable += progress.unreadable;
        const [result] = progress.results;
        const [error] = progress.errors;
        if (result || error || progress.processing) heard++;
        if (result) {
          open.delete(id);
          await handlers.onResult(result);
        } else if (error) {
          open.delete(id);
          await handlers.onTaskFailed(id, new RunwareError(classifyApiError(envelope.status, error)));
        }
      }
      if (heard === 0 && unreadable > 0 && ++failures >= MAX_POLL_FAILURES) throw new RunwareError({ kind: 'malformed', status: envelope.status });
      if (heard > 0) failures = 0;
    }
  }

  close(): void {
    for (const t of this.transports) t.close();
  }
}
