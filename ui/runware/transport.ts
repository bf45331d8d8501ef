import { buildAuthenticationTask } from '../../core/runware/tasks.ts';
import { parseBody, type Envelope } from '../../core/runware/response.ts';
import { classifyApiError, RunwareError } from '../../core/runware/failures.ts';
import { scrubSecret } from '../../core/runware/apiKey.ts';

export interface SendOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** One way to deliver a batch of tasks to Runware and read the answer to each. */
export interface Transport {
  readonly name: 'rest' | 'ws';
  send(tasks: readonly object[], options: SendOptions): Promise<Envelope>;
  /** Proves Runware is reachable this way (and the key accepted) without sending a task. */
  probe(options: SendOptions): Promise<void>;
  close(): void;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Turns a body Runware could not have meant into a failure, by HTTP status. */
function unreadable(status: number): RunwareError {
  if (status >= 400) return new RunwareError(classifyApiError(status, { code: `http${status}`, message: '' }));
  return new RunwareError({ kind: 'malformed', status });
}

/** Links the caller's cancel signal and our own timeout into one abort, remembering which fired. */
function deadline(options: SendOptions) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onCancel = () => controller.abort();
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

export class RestTransport implements Transport {
  readonly name = 'rest' as const;
  constructor(
    private readonly url: string,
    private readonly apiKey: string,
  ) {}

  async send(tasks: readonly object[], options: SendOptions): Promise<Envelope> {
    const d = deadline(options);
    try {
      let response: Response;
      try {
        response = await fetch(this.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.apiKey}` },
          body: JSON.stringify(tasks),
          signal: d.signal,
        });
      } catch {
        if (d.signal.aborted) throw d.failure();
        // fetch gives a bare TypeError for DNS, offline, CORS and CSP refusals alike.
        throw new RunwareError({ kind: 'network', host: hostOf(this.url) });
      }
      let text: string;
      try {
        text = await response.text();
      } catch {
        if (d.signal.aborted) throw d.failure();
        throw new RunwareError({ kind: 'server', status: response.status, detail: 'the connection dropped mid-answer' });
      }
      const parsed = parseBody(response.status, scrubSecret(text, this.apiKey));
      if (!parsed.ok) throw unreadable(response.status);
      return parsed.envelope;
    } finally {
      d.done();
    }
  }

  async probe(options: SendOptions): Promise<void> {
    await this.send([], options);
  }

  close(): void {}
}

/**
 * Runware's WebSocket API: authenticate once per socket, then send tasks and collect
 * the messages that answer them. Not subject to CORS, hence the fallback.
 */
export class WebSocketTransport implements Transport {
  readonly name = 'ws' as const;
  private socket: WebSocket | undefined;
  private ready: Promise<WebSocket> | undefined;
  private readonly handlers = new Set<(envelope: Envelope) => void>();
  private readonly closers = new Set<() => void>();

  constructor(
    private readonly url: string,
    private readonly apiKey: string,
  ) {}

  async probe(options: SendOptions): Promise<void> {
    await this.connect(options);
  }

  private connect(options: SendOptions): Promise<WebSocket> {
    if (this.ready && this.socket?.readyState === WebSocket.OPEN) return this.ready;
    this.ready = new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(this.url);
      this.socket = socket;
      const timer = setTimeout(() => {
        reject(new RunwareError({ kind: 'timeout' }));
        socket.close();
      }, options.timeoutMs);
      socket.onerror = () => {
        clearTimeout(timer);
        reject(new RunwareError({ kind: 'network', host: hostOf(this.url) }));
      };
      socket.onclose = () => {
        this.ready = undefined;
        for (const close of this.closers) close();
      };
      socket.onmessage = (event) => {
        const parsed = parseBody(200, scrubSecret(String(event.data), this.apiKey));
        if (!parsed.ok) return;
        for (const h of this.handlers) h(parsed.envelope);
      };
      socket.onopen = () => {
        const onAuth = (envelope: Envelope) => {
          const authError = envelope.errors[0];
          const authed = envelope.data.some((d) => (d as { taskType?: string }).taskType === 'authentication');
          if (!authError && !authed) return;
          this.handlers.delete(onAuth);
          clearTimeout(timer);
          if (authError) {
            reject(new RunwareError(classifyApiError(401, authError)));
            socket.close();
          } else resolve(socket);
        };
        this.handlers.add(onAuth);
        socket.send(JSON.stringify([buildAuthenticationTask(this.apiKey)]));
      };
    });
    return this.ready;
  }

  async send(tasks: readonly object[], options: SendOptions): Promise<Envelope> {
    const socket = await this.connect(options);
    const wanted = new Set(tasks.map((t) => (t as { taskUUID?: string }).taskUUID).filter((u): u is string => !!u));
    const d = deadline(options);
    return new Promise<Envelope>((resolve, reject) => {
      const data: unknown[] = [];
      const errors: Envelope['errors'][number][] = [];
      const finish = (result: Envelope | RunwareError) => {
        this.handlers.delete(onEnvelope);
        this.closers.delete(onClose);
        d.signal.removeEventListener('abort', onAbort);
        d.done();
        if (result instanceof RunwareError) reject(result);
        else resolve(result);
      };
      const onEnvelope = (envelope: Envelope) => {
        let touched = false;
        for (const item of envelope.data) {
          const id = (item as { taskUUID?: string }).taskUUID;
          if (id && wanted.has(id)) {
            data.push(item);
            touched = true;
          }
        }
        for (const e of envelope.errors) {
          if (!e.taskUUID || wanted.has(e.taskUUID)) {
            errors.push(e);
            touched = true;
          }
        }
        // One answer per request, as REST gives; WebSocket errors carry no HTTP status (0),
        // so they are classified by their code alone.
        if (touched) finish({ status: errors.length ? 0 : 200, data, errors });
      };
      const onClose = () => finish(new RunwareError({ kind: 'network', host: hostOf(this.url) }));
      const onAbort = () => finish(d.failure());
      this.handlers.add(onEnvelope);
      this.closers.add(onClose);
      d.signal.addEventListener('abort', onAbort);
      socket.send(JSON.stringify(tasks));
    });
  }

  close(): void {
    this.socket?.close();
  }
}
