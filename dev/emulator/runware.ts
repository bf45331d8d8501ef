import { randomInt, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { imageCost } from './models.ts';
import { isUuidV4 } from '../../core/runware/uuid.ts';
import { referenceKind, validateInference, type EmuError } from './contract.ts';
import { EXT, MIME, plainImage, readUpload, renderResult, storeUpload, type Format } from './images.ts';
import { referenceBytes, referenceProblem, serverMs, type Account } from './account.ts';
import type { TaskState } from './state.ts';
import { submitUpscale } from './upscale.ts';

export interface Answer {
  readonly status: number;
  readonly body: { data?: object[]; errors?: EmuError[] } | { error: EmuError; taskUUID?: string };
}

const errorBody = (e: EmuError) => ({ errors: [e] });
export const INVALID_KEY: EmuError = {
  code: 'invalidApiKey',
  message: 'Invalid API key. Get one at https://my.runware.ai',
  parameter: 'apiKey',
  taskType: 'authentication',
};

const backgroundOf = (s: Record<string, unknown>) => ({ mode: String(s.backgroundMode ?? 'original'), color: s.backgroundColor as string | undefined });

async function makeResults(account: Account, task: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const { behaviour } = account;
  const n = (task.numberResults as number | undefined) ?? 1;
  const format = ((task.outputFormat as Format | undefined) ?? 'JPG') as Format;
  const outputType = (task.outputType as string | undefined) ?? 'URL';
  const refs = (task.inputs as { referenceImages: string[] }).referenceImages;
  const reference = await referenceBytes(account, refs[0]!);
  account.firstReferences.set(task.taskUUID as string, reference);
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const seed = randomInt(1, 2 ** 31 - 1);
    const imageUUID = randomUUID();
    let bytes: Buffer;
    if (behaviour.result === 'corrupt') bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    else if (behaviour.result === 'huge')
      bytes = await sharp({ create: { width: 17000, height: 300, channels: 3, background: '#c33' } })
        .png()
        .toBuffer();
    else if (behaviour.cheapImages) bytes = await plainImage(task.width as number, task.height as number, format);
    else {
      const quality = (task.outputQuality as number | undefined) ?? 95;
      bytes = await renderResult({
        reference,
        width: task.width as number,
        height: task.height as number,
        prompt: task.positivePrompt as string,
        seed,
        index: i,
        format,
        quality,
        ...(task.settings ? { background: backgroundOf(task.settings as Record<string, unknown>) } : {}),
      });
    }
    account.images.set(imageUUID, { bytes, mime: MIME[format] });
    const item: Record<string, unknown> = { taskType: 'imageInference', taskUUID: task.taskUUID, imageUUID, seed };
    if (outputType === 'URL') item.imageURL = `${account.origin}/images/${imageUUID}.${EXT[format]}`;
    else if (outputType === 'base64Data') item.imageBase64Data = bytes.toString('base64');
    else item.imageDataURI = `data:${MIME[format]};base64,${bytes.toString('base64')}`;
    if (behaviour.nsfw) item.NSFWContent = true;
    else if ((task.safety as { checkContent?: boolean } | undefined)?.checkContent) item.NSFWContent = false;
    if (task.includeCost) item.cost = imageCost(task);
    out.push(item);
  }
  return out;
}

/** Accepts (and charges) an imageInference task, or says why not. */
async function submit(account: Account, task: Record<string, unknown>, index: number, data: object[]): Promise<(EmuError & { status?: number }) | undefined> {
  const problem = validateInference(task);
  if (problem) return problem;
  const id = task.taskUUID as string;
  if (account.usedTaskUUIDs.has(id))
    return { code: 'duplicateTaskUUID', message: 'This taskUUID was already used; use a new UUID v4 per task.', parameter: 'taskUUID' };
  const refs = (task.inputs as { referenceImages: string[] }).referenceImages;
  const unknown = refs.find((r) => referenceKind(r) === 'uuid' && !account.uploads.has(r));
  if (unknown) return { code: 'mediaNotFound', message: `Reference image ${unknown} was not found.`, parameter: 'inputs.referenceImages' };
  const unreadable = await referenceProblem(account, refs);
  if (unreadable) return unreadable;
  const n = (task.numberResults as number | undefined) ?? 1;
  const cost = Math.round((imageCost(task) ?? 0) * n * 10_000) / 10_000;
  if (account.credits < cost) return { code: 'insufficientCredits', message: 'Insufficient credits to run this task.', status: 402 };
  account.credits -= cost;
  account.usedTaskUUIDs.add(id);
  account.charges.push({ taskUUID: id, numberResults: n, cost });
  const fail = account.behaviour.failGeneration;
  const failing = fail && fail.index === index ? fail : null;
  const state: TaskState = {
    task,
    index,
    acceptedAt: performance.now(),
    lastAskedAt: performance.now(),
    pollsLeft: account.behaviour.processingPolls,
    readyAt: performance.now() + serverMs(account.behaviour, index),
    revealed: 0,
    results: failing ? Promise.resolve([]) : makeResults(account, task),
    error: failing ? { ...failing.error, taskUUID: id, taskType: 'imageInference' } : null,
    errorShape: failing?.shape ?? 'item',
    delivered: false,
  };
  state.results.then(
    () => (state.renderedAt = performance.now()),
    () => (state.renderedAt = performance.now()),
  );
  account.tasks.set(id, state);
  if (task.deliveryMethod === 'async') data.push({ taskType: 'imageInference', taskUUID: id });
  else {
    if (state.readyAt > performance.now()) await new Promise((r) => setTimeout(r, state.readyAt - performance.now()));
    if (state.error) return state.error;
    data.push(...(await state.results));
  }
  return undefined;
}

/**
 * The cautious reading of Runware's polling page: every answer lists every generation's
 * current state, the finished ones with their data, every time they are asked for.
 */
async function report(account: Account, taskUUID: string, data: object[], errors: EmuError[], askedAt: number): Promise<void> {
  const state = account.tasks.get(taskUUID)!;
  const previousAskedAt = state.lastAskedAt;
  state.lastAskedAt = askedAt;
  // Still rendering counts as processing: an image is ready when it exists.
  if (state.pollsLeft > 0 || performance.now() < state.readyAt || state.renderedAt === undefined) {
    if (state.pollsLeft > 0) state.pollsLeft--;
    data.push({ taskType: 'imageInference', taskUUID, status: 'processing' });
    return;
  }
  if (state.error) {
    if (state.errorShape === 'errors') errors.push(state.error);
    else data.push({ taskType: 'imageInference', taskUUID, status: 'error', error: state.error });
    return;
  }
  const results = await state.results;
  state.revealed = account.behaviour.trickle ? Math.min(results.length, state.revealed + 1) : results.length;
  for (const r of results.slice(0, state.revealed)) {
    data.push({ ...r, status: 'success' });
    if (!state.delivered) {
      state.delivered = true;
      const bytes = account.images.get(r.imageUUID as string)?.bytes.length ?? 0;
      const epoch = (t: number) => performance.timeOrigin + t;
      account.deliveries.push({
        taskUUID,
        imageUUID: r.imageUUID as string,
        bytes,
        readyAt: epoch(Math.max(state.readyAt, state.acceptedAt, state.renderedAt ?? 0)),
        askedAt: epoch(askedAt),
        previousAskedAt: epoch(previousAskedAt),
        sentAt: epoch(performance.now()),
      });
    }
  }
  if (state.revealed < results.length) data.push({ taskType: 'imageInference', taskUUID, status: 'processing' });
}

/** Runs one request's tasks as Runware would, after authentication was settled by the front end. */
export async function runTasks(account: Account, list: readonly Record<string, unknown>[], askedAt = performance.now()): Promise<Answer> {
  const data: object[] = [];
  const errors: EmuError[] = [];
  let status = 0;
  const fail = (s: number, e: EmuError) => {
    status = Math.max(status, s);
    errors.push(e);
  };
  let inference = 0;
  const off = list.find((t) => t?.taskType === 'imageInference' && typeof t.model === 'string' && account.behaviour.unavailableModels[t.model]);
  if (off) {
    const code = account.behaviour.unavailableModels[off.model as string]!;
    const error = { code, message: `Model ${String(off.model)} is not available (${code}).`, taskType: 'imageInference' };
    return { status: 400, body: { error, ...(typeof off.taskUUID === 'string' ? { taskUUID: off.taskUUID } : {}) } };
  }
  for (const task of list) {
    const taskType = task?.taskType;
    const taskUUID = typeof task?.taskUUID === 'string' ? task.taskUUID : undefined;
    const withIds = (e: EmuError): EmuError => ({ ...e, taskType: String(taskType), ...(taskUUID ? { taskUUID } : {}) });
    if (taskType === 'imageInference') {
      const problem = await submit(account, task, inference++, data);
      if (problem) {
        const { status: s, ...e } = problem;
        fail(s ?? 400, withIds(e));
      }
    } else if (taskType === 'imageUpload') {
      const image = task.image;
      if (!taskUUID || !isUuidV4(taskUUID)) {
        fail(400, withIds({ code: 'invalidTaskUUID', message: 'taskUUID must be a UUID v4.', parameter: 'taskUUID' }));
        continue;
      }
      const kind = typeof image === 'string' ? referenceKind(image) : undefined;
      const bytes = typeof image === 'string' && kind && kind !== 'uuid' ? await referenceBytes(account, image) : undefined;
      const decoded = bytes
        ? await readUpload(bytes).then(
            () => true,
            () => false,
          )
        : false;
      if (!bytes || !decoded) {
        fail(400, withIds({ code: 'invalidImage', message: 'The image could not be read.', parameter: 'image' }));
        continue;
      }
      const imageUUID = randomUUID();
      // Kept as Runware keeps uploads (≤ 2048 px); cheap mode keeps them as sent (the simulation sends small ones).
      account.uploads.set(imageUUID, account.behaviour.cheapImages ? bytes : await storeUpload(bytes));
      data.push({ taskType: 'imageUpload', taskUUID, imageUUID, imageURL: `${account.origin}/uploads/${imageUUID}.png` });
    } else if (taskType === 'getResponse') {
      if (!taskUUID || !account.tasks.has(taskUUID)) {
        fail(404, withIds({ code: 'taskFailedOrNotFound', message: 'No task with this taskUUID was found, or it failed.', parameter: 'taskUUID' }));
        continue;
      }
      await report(account, taskUUID, data, errors, askedAt);
    } else if (taskType === 'upscale') {
      const problem = await submitUpscale(account, task, data);
      if (problem) {
        const { status: s, ...e } = problem;
        fail(s ?? 400, withIds(e));
      }
    } else if (taskType === 'ping') {
      data.push({ taskType: 'ping', pong: true });
    } else {
      fail(400, withIds({ code: 'invalidTaskType', message: `Unsupported taskType '${String(taskType)}'.`, parameter: 'taskType' }));
    }
  }
  const body: { data?: object[]; errors?: EmuError[] } = {};
  if (data.length) body.data = data;
  if (errors.length) body.errors = errors;
  // Errors are scoped per task: with any data beside them, the request itself succeeded.
  return { status: data.length || !errors.length ? 200 : status || 400, body };
}

export function invalidBody(message: string): Answer {
  return { status: 400, body: errorBody({ code: 'invalidRequestBody', message }) };
}

export function invalidKey(): Answer {
  return { status: 401, body: errorBody(INVALID_KEY) };
}
