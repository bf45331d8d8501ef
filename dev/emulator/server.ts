import { randomInt, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import sharp from 'sharp';
import { PRICE_PER_IMAGE_USD, roundCents } from '../../core/pricing.ts';
import { isUuidV4 } from '../../core/runware/uuid.ts';
import { referenceKind, validateInference, type EmuError } from './contract.ts';
import { EXT, MIME, readUpload, renderResult, storeUpload, type Format } from './images.ts';

/** A key the emulator accepts by default. Not a real Runware key: there is none in this repo. */
export const EMULATOR_API_KEY = 'emulatorKey0123456789abcdefABCDEF';

export type TaskType = 'imageInference' | 'imageUpload' | 'getResponse' | 'authentication';

/** One injected failure, consumed by the next `times` matching REST requests. */
export interface Fault {
  readonly on?: TaskType | 'any';
  readonly times?: number;
  readonly status?: number;
  readonly error?: Partial<EmuError>;
  /** A raw body instead of JSON (malformed answers). */
  readonly body?: string;
  readonly delayMs?: number;
  /** Never answer. */
  readonly hang?: boolean;
  /** Close the connection without an answer. */
  readonly drop?: boolean;
  /** Accept (and charge) the task first, then fail the answer: the ambiguous case. */
  readonly afterAccept?: boolean;
}

export interface Behaviour {
  /** getResponse answers `processing` this many times before results show. */
  processingPolls: number;
  /** Results are flagged `NSFWContent: true`. */
  nsfw: boolean;
  /** REST API answers carry CORS headers (a browser refuses the call without them). */
  cors: boolean;
  /** Result and upload downloads carry CORS headers. */
  imageCors: boolean;
  /** `corrupt`: bytes that do not decode; `huge`: a 5000 px image. */
  result: 'ok' | 'corrupt' | 'huge';
  /** Results of numberResults appear one more per poll. */
  trickle: boolean;
  /** Added before every answer. */
  latencyMs: number;
}

export interface RecordedRequest {
  readonly transport: 'rest' | 'ws';
  readonly bytes: number;
  readonly tasks: readonly Record<string, unknown>[];
  readonly auth: 'header' | 'task' | 'none';
  status: number;
  /** Time the emulator spent on the request (rendering included), for the bench's overhead figures. */
  ms: number;
}

export interface Charge {
  readonly taskUUID: string;
  readonly numberResults: number;
  readonly cost: number;
}

interface TaskState {
  readonly task: Record<string, unknown>;
  pollsLeft: number;
  revealed: number;
  readonly results: Promise<Record<string, unknown>[]>;
}

const DEFAULT_BEHAVIOUR: Behaviour = { processingPolls: 0, nsfw: false, cors: true, imageCors: true, result: 'ok', trickle: false, latencyMs: 0 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Emulator {
  readonly origin: string;
  readonly url: string;
  readonly wsUrl: string;
  readonly requests: RecordedRequest[];
  /** Result and upload downloads (GET), with the time spent serving each. */
  readonly downloads: { bytes: number; ms: number }[];
  readonly charges: Charge[];
  inject(fault: Fault): void;
  set(behaviour: Partial<Behaviour>): void;
  /** Clears faults, behaviour, records and state (uploads survive unless `all`). */
  reset(all?: boolean): void;
  forgetUploads(): void;
  /** Lets every task still `processing` finish on its next poll. */
  finishAll(): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for Runware's `POST /v1` and WebSocket API, strict about the Riverflow
 * 1.1 Pro contract, with results that are real images derived from the first reference.
 */
export async function startEmulator(options: { port?: number; apiKeys?: readonly string[]; credits?: number } = {}): Promise<Emulator> {
  const keys = new Set(options.apiKeys ?? [EMULATOR_API_KEY]);
  let credits = options.credits ?? 1000;
  let behaviour: Behaviour = { ...DEFAULT_BEHAVIOUR };
  const faults: { fault: Fault; left: number }[] = [];
  const requests: RecordedRequest[] = [];
  const downloads: { bytes: number; ms: number }[] = [];
  const charges: Charge[] = [];
  const uploads = new Map<string, Buffer>();
  const images = new Map<string, { bytes: Buffer; mime: string }>();
  const tasks = new Map<string, TaskState>();
  const usedTaskUUIDs = new Set<string>();
  let origin = '';

  const errorBody = (e: EmuError) => ({ errors: [e] });

  async function referenceBytes(ref: string): Promise<Buffer | undefined> {
    const kind = referenceKind(ref);
    if (kind === 'uuid') return uploads.get(ref);
    if (kind === 'dataURI') return Buffer.from(ref.slice(ref.indexOf(',') + 1), 'base64');
    if (kind === 'base64') return Buffer.from(ref, 'base64');
    if (kind === 'url' && ref.startsWith(origin)) return images.get(ref.split('/').pop()!.split('.')[0]!)?.bytes;
    return undefined;
  }

  async function makeResults(task: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const n = (task.numberResults as number | undefined) ?? 1;
    const format = ((task.outputFormat as Format | undefined) ?? 'JPG') as Format;
    const outputType = (task.outputType as string | undefined) ?? 'URL';
    const refs = (task.inputs as { referenceImages: string[] }).referenceImages;
    const reference = await referenceBytes(refs[0]!);
    const out: Record<string, unknown>[] = [];
    for (let i = 0; i < n; i++) {
      const seed = randomInt(1, 2 ** 31 - 1);
      const imageUUID = randomUUID();
      let bytes: Buffer;
      if (behaviour.result === 'corrupt') bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
      else if (behaviour.result === 'huge') bytes = await sharp({ create: { width: 5000, height: 5000, channels: 3, background: '#c33' } }).png().toBuffer();
      else
        bytes = await renderResult({
          reference,
          width: task.width as number,
          height: task.height as number,
          prompt: task.positivePrompt as string,
          seed,
          index: i,
          format,
          quality: (task.outputQuality as number | undefined) ?? 95,
        });
      images.set(imageUUID, { bytes, mime: MIME[format] });
      const item: Record<string, unknown> = { taskType: 'imageInference', taskUUID: task.taskUUID, imageUUID, seed };
      if (outputType === 'URL') item.imageURL = `${origin}/images/${imageUUID}.${EXT[format]}`;
      else if (outputType === 'base64Data') item.imageBase64Data = bytes.toString('base64');
      else item.imageDataURI = `data:${MIME[format]};base64,${bytes.toString('base64')}`;
      if (behaviour.nsfw) item.NSFWContent = true;
      else if ((task.safety as { checkContent?: boolean } | undefined)?.checkContent) item.NSFWContent = false;
      if (task.includeCost) item.cost = PRICE_PER_IMAGE_USD;
      out.push(item);
    }
    return out;
  }

  /** Runs one request's tasks as Runware would; shared by REST and WebSocket. */
  async function process(body: unknown, headerKey: string | undefined, sessionKey?: string): Promise<{ status: number; body: object; key?: string }> {
    if (!Array.isArray(body) || body.length === 0) {
      return { status: 400, body: errorBody({ code: 'invalidRequestBody', message: 'The request body must be a non-empty JSON array of tasks.' }) };
    }
    const list = body as Record<string, unknown>[];
    let key = headerKey ?? sessionKey;
    const data: object[] = [];
    const errors: EmuError[] = [];
    let status = 200;
    const fail = (s: number, e: EmuError) => {
      status = Math.max(status === 200 ? 0 : status, s);
      errors.push(e);
    };
    let start = 0;
    if (list[0]?.taskType === 'authentication') {
      key = typeof list[0].apiKey === 'string' ? list[0].apiKey : undefined;
      start = 1;
      if (key && keys.has(key)) data.push({ taskType: 'authentication', connectionSessionUUID: randomUUID() });
    }
    if (!key || !keys.has(key)) {
      return { status: 401, body: errorBody({ code: 'invalidApiKey', message: 'Invalid API key. Get one at https://my.runware.ai', parameter: 'apiKey', taskType: 'authentication' }) };
    }
    for (const task of list.slice(start)) {
      const taskType = task?.taskType;
      const taskUUID = typeof task?.taskUUID === 'string' ? task.taskUUID : undefined;
      const withIds = (e: EmuError): EmuError => ({ ...e, taskType: String(taskType), ...(taskUUID ? { taskUUID } : {}) });
      if (taskType === 'imageInference') {
        const problem = validateInference(task);
        if (problem) {
          fail(400, withIds(problem));
          continue;
        }
        const id = taskUUID!;
        if (usedTaskUUIDs.has(id)) {
          fail(400, withIds({ code: 'duplicateTaskUUID', message: 'This taskUUID was already used; use a new UUID v4 per task.', parameter: 'taskUUID' }));
          continue;
        }
        const refs = (task.inputs as { referenceImages: string[] }).referenceImages;
        const unknown = refs.find((r) => referenceKind(r) === 'uuid' && !uploads.has(r));
        if (unknown) {
          fail(400, withIds({ code: 'mediaNotFound', message: `Reference image ${unknown} was not found.`, parameter: 'inputs.referenceImages' }));
          continue;
        }
        const n = (task.numberResults as number | undefined) ?? 1;
        const cost = roundCents(PRICE_PER_IMAGE_USD * n);
        if (credits < cost) {
          fail(402, withIds({ code: 'insufficientCredits', message: 'Insufficient credits to run this task.' }));
          continue;
        }
        credits -= cost;
        usedTaskUUIDs.add(id);
        charges.push({ taskUUID: id, numberResults: n, cost });
        const state: TaskState = { task, pollsLeft: behaviour.processingPolls, revealed: 0, results: makeResults(task) };
        state.results.catch(() => undefined);
        tasks.set(id, state);
        if (task.deliveryMethod === 'async') data.push({ taskType: 'imageInference', taskUUID: id });
        else data.push(...(await state.results));
      } else if (taskType === 'imageUpload') {
        const image = task.image;
        if (!taskUUID || !isUuidV4(taskUUID)) {
          fail(400, withIds({ code: 'invalidTaskUUID', message: 'taskUUID must be a UUID v4.', parameter: 'taskUUID' }));
          continue;
        }
        const kind = typeof image === 'string' ? referenceKind(image) : undefined;
        const bytes = typeof image === 'string' && kind && kind !== 'uuid' ? await referenceBytes(image) : undefined;
        const decoded = bytes ? await readUpload(bytes).then(() => true, () => false) : false;
        if (!bytes || !decoded) {
          fail(400, withIds({ code: 'invalidImage', message: 'The image could not be read.', parameter: 'image' }));
          continue;
        }
        const imageUUID = randomUUID();
        uploads.set(imageUUID, await storeUpload(bytes));
        data.push({ taskType: 'imageUpload', taskUUID, imageUUID, imageURL: `${origin}/uploads/${imageUUID}.png` });
      } else if (taskType === 'getResponse') {
        const state = taskUUID ? tasks.get(taskUUID) : undefined;
        if (!state) {
          fail(404, withIds({ code: 'taskNotFound', message: 'No task with this taskUUID was found.', parameter: 'taskUUID' }));
          continue;
        }
        if (state.pollsLeft > 0) {
          state.pollsLeft--;
          data.push({ taskType: 'imageInference', taskUUID, status: 'processing' });
          continue;
        }
        const results = await state.results;
        state.revealed = behaviour.trickle ? Math.min(results.length, state.revealed + 1) : results.length;
        data.push(...results.slice(0, state.revealed).map((r) => ({ ...r, status: 'success' })));
        if (state.revealed < results.length) data.push({ taskType: 'imageInference', taskUUID, status: 'processing' });
      } else {
        fail(400, withIds({ code: 'invalidTaskType', message: `Unsupported taskType '${String(taskType)}'.`, parameter: 'taskType' }));
      }
    }
    const out: { data?: object[]; errors?: EmuError[] } = {};
    if (data.length) out.data = data;
    if (errors.length) out.errors = errors;
    return { status: data.length && errors.length ? 200 : errors.length ? status : 200, body: out, ...(key ? { key } : {}) };
  }

  function cors(res: http.ServerResponse, allowed = behaviour.cors) {
    if (!allowed) return;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS');
  }

  function takeFault(taskTypes: readonly unknown[]): Fault | undefined {
    const i = faults.findIndex(({ fault }) => !fault.on || fault.on === 'any' || taskTypes.includes(fault.on));
    if (i < 0) return undefined;
    const entry = faults[i]!;
    if (--entry.left <= 0) faults.splice(i, 1);
    return entry.fault;
  }

  function sendJson(res: http.ServerResponse, status: number, body: object | string) {
    cors(res);
    res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/html' : 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'OPTIONS') {
      cors(res);
      res.writeHead(behaviour.cors ? 204 : 403).end();
      return;
    }
    if (req.method === 'GET' && (url.pathname.startsWith('/images/') || url.pathname.startsWith('/uploads/'))) {
      const id = url.pathname.split('/').pop()!.split('.')[0]!;
      const image = url.pathname.startsWith('/images/') ? images.get(id) : uploads.has(id) ? { bytes: uploads.get(id)!, mime: 'image/png' } : undefined;
      cors(res, behaviour.imageCors);
      if (!image) return void res.writeHead(404).end();
      const started = performance.now();
      const download = { bytes: image.bytes.length, ms: 0 };
      downloads.push(download);
      res.on('finish', () => (download.ms = performance.now() - started));
      res.writeHead(200, { 'Content-Type': image.mime, 'Content-Length': image.bytes.length }).end(image.bytes);
      return;
    }
    if (req.method !== 'POST' || url.pathname !== '/v1') return void sendJson(res, 404, { errors: [{ code: 'notFound', message: 'Not found' }] });
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
    const auth = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    const record: RecordedRequest = { transport: 'rest', bytes: raw.length, tasks: list, auth: auth ? 'header' : list[0]?.taskType === 'authentication' ? 'task' : 'none', status: 0, ms: 0 };
    requests.push(record);
    const started = performance.now();
    res.on('finish', () => (record.ms = performance.now() - started));
    if (behaviour.latencyMs) await sleep(behaviour.latencyMs);
    const fault = takeFault(list.map((t) => t?.taskType));
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault && !fault.afterAccept && (fault.hang || fault.drop || fault.body !== undefined || fault.status)) {
      if (fault.hang) return;
      if (fault.drop) return void req.socket.destroy();
      record.status = fault.status ?? 200;
      if (fault.body !== undefined) return void sendJson(res, record.status, fault.body);
      const first = list.find((t) => t?.taskType !== 'authentication');
      return void sendJson(res, record.status, errorBody({ code: 'error', message: 'Injected failure', ...fault.error, ...(typeof first?.taskUUID === 'string' ? { taskUUID: first.taskUUID } : {}) } as EmuError));
    }
    const result = body === undefined
      ? { status: 400, body: errorBody({ code: 'invalidRequestBody', message: 'The request body is not valid JSON.' }) }
      : await process(body, auth);
    if (fault?.afterAccept) {
      if (fault.hang) return;
      if (fault.drop) return void req.socket.destroy();
      record.status = fault.status ?? 500;
      return void sendJson(res, record.status, fault.body ?? errorBody({ code: 'internalServerError', message: 'Injected failure after accepting', ...fault.error } as EmuError));
    }
    record.status = result.status;
    sendJson(res, result.status, result.body);
  });

  const wss = new WebSocketServer({ server, path: '/v1' });
  wss.on('connection', (socket) => {
    let sessionKey: string | undefined;
    socket.on('message', async (raw) => {
      let body: unknown;
      try {
        body = JSON.parse(String(raw));
      } catch {
        socket.send(JSON.stringify(errorBody({ code: 'invalidRequestBody', message: 'Not JSON.' })));
        return;
      }
      const list = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
      const record: RecordedRequest = { transport: 'ws', bytes: String(raw).length, tasks: list, auth: list[0]?.taskType === 'authentication' ? 'task' : 'none', status: 0, ms: 0 };
      requests.push(record);
      const started = performance.now();
      if (behaviour.latencyMs) await sleep(behaviour.latencyMs);
      const result = await process(body, undefined, sessionKey);
      if (result.status !== 401 && result.key) sessionKey = result.key;
      record.status = result.status;
      socket.send(JSON.stringify(result.body));
      record.ms = performance.now() - started;
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: `${origin}/v1`,
    wsUrl: `ws://127.0.0.1:${port}/v1`,
    requests,
    downloads,
    charges,
    inject: (fault) => faults.push({ fault, left: fault.times ?? 1 }),
    set: (b) => {
      behaviour = { ...behaviour, ...b };
    },
    reset: (all = false) => {
      faults.length = 0;
      behaviour = { ...DEFAULT_BEHAVIOUR };
      requests.length = 0;
      downloads.length = 0;
      charges.length = 0;
      if (all) uploads.clear();
    },
    forgetUploads: () => uploads.clear(),
    finishAll: () => {
      for (const t of tasks.values()) t.pollsLeft = 0;
    },
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
