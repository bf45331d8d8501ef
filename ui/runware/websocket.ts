import { scrubSecret } from '../../core/runware/apiKey.ts';
import { classifyApiError, RunwareError } from '../../core/runware/failures.ts';
import { parseBody, type ApiError, type Envelope } from '../../core/runware/response.ts';
import { buildAuthenticationTask, PING_TASK } from '../../core/runware/tasks.ts';
import { deadline } from './deadline.ts';
import { hostOf, type SendOptions, type Transport } from './transport.ts';

/** Runware drops a socket idle for 120 s; a ping well inside that keeps ours. */
export const PING_EVERY_MS = 30_000;

const taskOf = (item: unknown) => (item as { taskUUID?: unknown } | null)?.taskUUID;

/**
 * Runware's WebSocket API, not subject to CORS (hence the fallback). One socket per
 * client, shared by every call in flight and authenticated once; a socket that closes
 * fails only the calls it carried, and the next call reconnects, resuming the session
 * with its `connectionSessionUUID` (Runware keeps a dropped session's results 120 s).
 */
export class WebSocketTransport implements Transport {
  readonly name = 'ws' as const;
  private ready: Promise<WebSocket> | undefined;
  private socket: WebSocket | undefined;
  private session: string | undefined;
  private lastSent = 0;
  private pinger: ReturnType<typeof setInterval> | undefined;
  private readonly listeners = new Set<(envelope: Envelope) => void>();
  private readonly closers = new Set<() => void>();

  constructor(
    private readonly url: string,
    private readonly apiKey: string,
    private readonly pingEveryMs = PING_EVERY_MS,
  ) {}

  async probe(options: SendOptions): Promise<void> {
    await this.connect(options);
  }

  private write(socket: WebSocket, tasks: readonly object[]): void {
    this.lastSent = Date.now();
    socket.send(JSON.stringify(tasks));
  }

  private connect(options: SendOptions): Promise<WebSocket> {
    if (this.ready) return this.ready;
    const ready = new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(this.url);
      this.socket = socket;
      const fail = (e: RunwareError) => {
        clearTimeout(timer);
        reject(e);
      };
      const timer = setTimeout(() => {
        fail(new RunwareError({ kind: 'timeout' }));
        socket.close();
      }, options.timeoutMs);
      socket.onerror = () => fail(new RunwareError({ kind: 'network', host: hostOf(this.url) }));
      socket.onclose = () => {
        if (this.ready === ready) this.ready = undefined;
        clearInterval(this.pinger);
        fail(new RunwareError({ kind: 'network', host: hostOf(this.url) }));
        for (const close of [...this.closers]) close();
      };
      socket.onmessage = (event) => {
        const parsed = parseBody(200, scrubSecret(String(event.data), this.apiKey));
        if (parsed.ok) for (const listener of [...this.listeners]) listener(parsed.envelope);
      };
      socket.onopen = () => {
        const onAuth = (envelope: Envelope) => {
          const authError = envelope.errors.find((e) => !e.taskUUID);
          const authed = envelope.data.find((d) => (d as { taskType?: unknown }).taskType === 'authentication') as
            { connectionSessionUUID?: unknown } | undefined;
          if (!authError && !authed) return;
          this.listeners.delete(onAuth);
          if (authError) {
            // A refused key comes back as an error with no HTTP status: it is still a key problem.
            fail(new RunwareError(classifyApiError(401, authError)));
            socket.close();
            return;
          }
          clearTimeout(timer);
          if (typeof authed?.connectionSessionUUID === 'string') this.session = authed.connectionSessionUUID;
          this.startPing(socket);
          resolve(socket);
        };
        this.listeners.add(onAuth);
        this.write(socket, [buildAuthenticationTask(this.apiKey, this.session)]);
      };
    });
    ready.catch(() => {
      if (this.ready === ready) this.ready = undefined;
    });
    this.ready = ready;
    return ready;
  }

  private startPing(socket: WebSocket): void {
    clearInterval(this.pinger);
    this.pinger = setInterval(() => {
      if (socket.readyState === WebSocket.OPEN && Date.now() - this.lastSent >= this.pingEveryMs * 0.9) this.write(socket, [PING_TASK]);
    }, this.pingEveryMs);
  }

  /** Sends tasks and gathers the messages about them until each task has been answered. */
  async send(tasks: readonly object[], options: SendOptions): Promise<Envelope> {
    const socket = await this.connect(options);
    const wanted = new Set(tasks.map(taskOf).filter((u): u is string => typeof u === 'string'));
    const answered = new Set<string>();
    const d = deadline(options);
    return new Promise<Envelope>((resolve, reject) => {
      const data: unknown[] = [];
      const errors: ApiError[] = [];
      const finish = (result: Envelope | RunwareError) => {
        this.listeners.delete(onEnvelope);
        this.closers.delete(onClose);
        d.signal.removeEventListener('abort', onAbort);
        d.done();
        if (result instanceof RunwareError) reject(result);
        else resolve(result);
      };
      const onEnvelope = (envelope: Envelope) => {
        let unscoped = false;
        for (const item of envelope.data) {
          const id = taskOf(item);
          if (typeof id === 'string' && wanted.has(id)) {
            data.push(item);
            answered.add(id);
          }
        }
        for (const e of envelope.errors) {
          if (e.taskUUID && !wanted.has(e.taskUUID)) continue;
          errors.push(e);
          if (e.taskUUID) answered.add(e.taskUUID);
          else unscoped = true;
        }
        // WebSocket errors carry no HTTP status (0): they are classified by their code alone.
        if (unscoped || answered.size >= wanted.size) finish({ status: errors.length && !data.length ? 0 : 200, data, errors });
      };
      const onClose = () => finish(new RunwareError({ kind: 'network', host: hostOf(this.url) }));
      const onAbort = () => finish(d.failure());
      this.listeners.add(onEnvelope);
      this.closers.add(onClose);
      d.signal.addEventListener('abort', onAbort);
      this.write(socket, tasks);
    });
  }

  close(): void {
    clearInterval(this.pinger);
    this.socket?.close();
    this.ready = undefined;
  }
}
