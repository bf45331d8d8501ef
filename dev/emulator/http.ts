import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { faultBody, type FaultQueue } from './faults.ts';
import type { Account } from './account.ts';
import { invalidBody, invalidKey, runTasks } from './runware.ts';
import { recordRequest, type RecordedRequest } from './state.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface HttpFrontEnd {
  readonly account: Account;
  readonly faults: FaultQueue;
  readonly requests: RecordedRequest[];
  readonly downloads: { bytes: number; ms: number }[];
}

/**
 * `POST /v1` as Runware serves it (a JSON array of tasks, Bearer or a leading
 * authentication task), result and upload downloads, and CORS for a null origin.
 * Answers are gzipped when the client asks, as a CDN-fronted API does.
 */
export function httpHandler(front: HttpFrontEnd): http.RequestListener {
  const { account, faults, requests, downloads } = front;

  function cors(res: http.ServerResponse, allowed = account.behaviour.cors) {
    if (!allowed) return;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS');
  }

  function send(req: http.IncomingMessage, res: http.ServerResponse, record: RecordedRequest, status: number, text: string) {
    cors(res);
    record.status = status;
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && text.length > 1024;
    const body = gzip ? gzipSync(text) : Buffer.from(text);
    record.answerBytes = body.length;
    record.answerJsonBytes = Buffer.byteLength(text);
    res.writeHead(status, { 'Content-Type': text.startsWith('{') ? 'application/json' : 'text/html', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(body);
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'OPTIONS') {
      cors(res);
      res.writeHead(account.behaviour.cors ? 204 : 403).end();
      return;
    }
    if (req.method === 'GET' && (url.pathname.startsWith('/images/') || url.pathname.startsWith('/uploads/'))) {
      const id = url.pathname.split('/').pop()!.split('.')[0]!;
      const image = url.pathname.startsWith('/images/')
        ? account.images.get(id)
        : account.uploads.has(id)
          ? { bytes: account.uploads.get(id)!, mime: 'image/png' }
          : undefined;
      cors(res, account.behaviour.imageCors);
      if (!image) return void res.writeHead(404).end();
      const started = performance.now();
      const download = { bytes: image.bytes.length, ms: 0 };
      downloads.push(download);
      res.on('finish', () => (download.ms = performance.now() - started));
      res.writeHead(200, { 'Content-Type': image.mime, 'Content-Length': image.bytes.length }).end(image.bytes);
      return;
    }
    if (req.method !== 'POST' || url.pathname !== '/v1') {
      cors(res);
      return void res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'notFound', message: 'Not found' }] }));
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      body = undefined;
    }
    const list = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
    const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    const record = recordRequest('rest', raw.length, list, bearer ? 'header' : list[0]?.taskType === 'authentication' ? 'task' : 'none');
    requests.push(record);
    const started = performance.now();
    res.on('finish', () => (record.ms = performance.now() - started));
    if (account.behaviour.latencyMs) await sleep(account.behaviour.latencyMs);
    const fault = faults.take(list.map((t) => t?.taskType));
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault && !fault.afterAccept && (fault.hang || fault.drop || fault.body !== undefined || fault.status)) {
      if (fault.hang) return;
      if (fault.drop) return void req.socket.destroy();
      return send(req, res, record, fault.status ?? 200, faultBody(fault, list, false));
    }
    let answer;
    if (body === undefined) answer = invalidBody('The request body is not valid JSON.');
    else if (!Array.isArray(body) || body.length === 0) answer = invalidBody('The request body must be a non-empty JSON array of tasks.');
    else {
      const auth = list[0]?.taskType === 'authentication' ? list[0] : undefined;
      const key = typeof auth?.apiKey === 'string' ? auth.apiKey : bearer;
      if (!key || !account.keys.has(key)) answer = invalidKey();
      else {
        answer = await runTasks(account, auth ? list.slice(1) : list, started);
        if (auth && !('error' in answer.body))
          answer = { ...answer, body: { ...answer.body, data: [{ taskType: 'authentication' }, ...(answer.body.data ?? [])] } };
      }
    }
    if (fault?.afterAccept) {
      if (fault.hang) return;
      if (fault.drop) return void req.socket.destroy();
      return send(req, res, record, fault.status ?? 500, faultBody(fault, list, true));
    }
    send(req, res, record, answer.status, JSON.stringify(answer.body));
  };
}
