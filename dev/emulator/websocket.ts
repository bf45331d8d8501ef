import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { faultBody, type FaultQueue } from './faults.ts';
import type { Account } from './account.ts';
import { INVALID_KEY, invalidBody, runTasks } from './runware.ts';
import { recordRequest, type RecordedRequest } from './state.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface WebSocketOptions {
  /** Runware drops a socket that has been idle this long (120 s). */
  readonly idleMs: number;
}

/**
 * Runware's WebSocket API: the first message authenticates (with an old
 * `connectionSessionUUID`, it resumes that session), later messages are task arrays
 * answered as REST answers them; `ping` is answered with `pong`; an idle socket is
 * dropped. Injected faults apply here as on REST.
 */
export function attachWebSocket(
  server: http.Server,
  account: Account,
  faults: FaultQueue,
  requests: RecordedRequest[],
  options: WebSocketOptions,
): WebSocketServer {
  const wss = new WebSocketServer({ server, path: '/v1' });
  const sessions = new Map<string, string>();
  wss.on('connection', (socket: WebSocket) => {
    let key: string | undefined;
    let idle: ReturnType<typeof setTimeout>;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => socket.terminate(), options.idleMs);
    };
    touch();
    socket.on('close', () => clearTimeout(idle));
    const reply = (record: RecordedRequest, status: number, text: string) => {
      record.status = status;
      record.answerBytes = Buffer.byteLength(text);
      record.answerJsonBytes = record.answerBytes;
      socket.send(text);
    };
    socket.on('message', async (raw) => {
      touch();
      const text = String(raw);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      const list = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
      const record = recordRequest('ws', text.length, list, list[0]?.taskType === 'authentication' ? 'task' : 'none');
      requests.push(record);
      const started = performance.now();
      if (account.behaviour.latencyMs) await sleep(account.behaviour.latencyMs);
      const fault = faults.take(list.map((t) => t?.taskType));
      if (fault?.delayMs) await sleep(fault.delayMs);
      if (fault && !fault.afterAccept && (fault.hang || fault.drop || fault.body !== undefined || fault.status)) {
        if (fault.hang) return;
        if (fault.drop) return void socket.terminate();
        return reply(record, fault.status ?? 200, faultBody(fault, list, false));
      }
      if (body === undefined || !Array.isArray(body) || body.length === 0)
        return reply(record, 400, JSON.stringify(invalidBody('Send a JSON array of tasks.').body));
      let tasks = list;
      const data: object[] = [];
      if (list[0]?.taskType === 'authentication') {
        const auth = list[0];
        const resumed = typeof auth.connectionSessionUUID === 'string' ? sessions.get(auth.connectionSessionUUID) : undefined;
        const candidate = typeof auth.apiKey === 'string' ? auth.apiKey : resumed;
        if (!candidate || !account.keys.has(candidate)) {
          // Over WebSocket a refused key comes back as a single error, not an HTTP status.
          return reply(record, 401, JSON.stringify({ error: INVALID_KEY }));
        }
        key = candidate;
        const session = resumed && typeof auth.connectionSessionUUID === 'string' ? auth.connectionSessionUUID : randomUUID();
        sessions.set(session, key);
        data.push({ taskType: 'authentication', connectionSessionUUID: session });
        tasks = list.slice(1);
      }
      if (!key) return reply(record, 401, JSON.stringify({ errors: [{ ...INVALID_KEY, message: 'Authenticate first: send an authentication task.' }] }));
      const answer = tasks.length ? await runTasks(account, tasks, started) : { status: 200, body: {} };
      const given = 'data' in answer.body ? answer.body.data : undefined;
      const out = { ...answer.body, ...(data.length || given ? { data: [...data, ...(given ?? [])] } : {}) };
      if (fault?.afterAccept) {
        if (fault.hang) return;
        if (fault.drop) return void socket.terminate();
        return reply(record, fault.status ?? 500, faultBody(fault, list, true));
      }
      reply(record, answer.status, JSON.stringify(out));
      record.ms = performance.now() - started;
    });
  });
  return wss;
}
