import * as z from 'zod/mini';

const ApiErrorSchema = z.looseObject({
  code: z.optional(z.string()),
  message: z.optional(z.string()),
  parameter: z.optional(z.union([z.string(), z.array(z.string())])),
  taskUUID: z.optional(z.string()),
  taskType: z.optional(z.string()),
});

const EnvelopeSchema = z.looseObject({
  // One upload example shows `data` as a single object: accept both.
  data: z.optional(z.union([z.array(z.unknown()), z.looseObject({})])),
  errors: z.optional(z.array(ApiErrorSchema)),
  // Older shapes: a single `{error: {...}}`, or `{error: true, errorMessage: "…"}`.
  error: z.optional(z.union([ApiErrorSchema, z.string(), z.boolean()])),
  errorMessage: z.optional(z.string()),
});

export interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly parameter?: string;
  readonly taskUUID?: string;
}

export interface Envelope {
  readonly status: number;
  readonly data: readonly unknown[];
  readonly errors: readonly ApiError[];
}

export type ParsedBody = { readonly ok: true; readonly envelope: Envelope } | { readonly ok: false; readonly status: number; readonly reason: string };

function toApiError(e: z.infer<typeof ApiErrorSchema> | string): ApiError {
  if (typeof e === 'string') return { code: 'unknown', message: e };
  const parameter = Array.isArray(e.parameter) ? e.parameter.join(', ') : e.parameter;
  return {
    code: e.code ?? 'unknown',
    message: e.message ?? '',
    ...(parameter ? { parameter } : {}),
    ...(e.taskUUID ? { taskUUID: e.taskUUID } : {}),
  };
}

/**
 * Reads any body Runware may send: `{data}`, `{errors}`, both, the older `{error}`, or
 * something that is not JSON at all (a proxy's HTML page, a truncated body).
 */
export function parseBody(status: number, text: string): ParsedBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, status, reason: text.trim() === '' ? 'empty body' : 'not JSON' };
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success) return { ok: false, status, reason: 'not a Runware envelope' };
  const { data, errors, error, errorMessage } = parsed.data;
  const taskUUID = typeof parsed.data.taskUUID === 'string' ? parsed.data.taskUUID : undefined;
  // Before a task starts Runware answers `{error: {code, message, taskType}, taskUUID}`: the task is named beside it.
  const legacy =
    error === true
      ? { code: 'unknown', message: errorMessage ?? '' }
      : typeof error === 'object' && taskUUID && !error.taskUUID
        ? { ...error, taskUUID }
        : error === false
          ? undefined
          : error;
  if (data === undefined && errors === undefined && legacy === undefined) {
    return { ok: false, status, reason: 'no data or errors' };
  }
  const list = data === undefined ? [] : Array.isArray(data) ? data : [data];
  const errs = [...(errors ?? []), ...(legacy === undefined ? [] : [legacy])].map(toApiError);
  return { ok: true, envelope: { status, data: list, errors: errs } };
}

const ImageResultSchema = z.looseObject({
  taskType: z.optional(z.string()),
  taskUUID: z.string(),
  status: z.optional(z.string()),
  // An image task answers image fields; an upscale of `inputs.image` may answer media fields (sdk-js).
  imageUUID: z.optional(z.string()),
  mediaUUID: z.optional(z.string()),
  mediaURL: z.optional(z.string()),
  imageURL: z.optional(z.string()),
  imageBase64Data: z.optional(z.string()),
  imageDataURI: z.optional(z.string()),
  seed: z.optional(z.number()),
  NSFWContent: z.optional(z.boolean()),
  cost: z.optional(z.number()),
});

const StatusItemSchema = z.looseObject({
  taskUUID: z.string(),
  status: z.optional(z.string()),
  imageUUID: z.optional(z.string()),
  mediaUUID: z.optional(z.string()),
  error: z.optional(ApiErrorSchema),
  code: z.optional(z.string()),
  message: z.optional(z.string()),
});

export interface ImageResult {
  readonly taskUUID: string;
  readonly imageUUID: string;
  /** Where to get the bytes: a URL, a data URI, or raw base64. */
  readonly source: { readonly kind: 'url' | 'dataURI' | 'base64'; readonly value: string };
  readonly seed?: number;
  readonly nsfw: boolean;
  readonly cost?: number;
}

export interface TaskProgress {
  readonly results: readonly ImageResult[];
  readonly errors: readonly ApiError[];
  /** True while Runware still reports the task as queued or running. */
  readonly processing: boolean;
  /** Items about this task that could not be read as a result, status or error. */
  readonly unreadable: number;
}

/**
 * A failure of the request as a whole (errors are otherwise scoped per task, and other
 * tasks' results still stand): an error scoped to no task, or a 4xx/5xx status with
 * nothing about `taskUUIDs` in it, classified by that status, never as "could not read".
 */
export function requestError(envelope: Envelope, taskUUIDs: readonly string[]): ApiError | undefined {
  const unscoped = envelope.errors.find((e) => !e.taskUUID);
  if (unscoped) return unscoped;
  const ours = (id: unknown) => typeof id === 'string' && taskUUIDs.includes(id);
  // `?.`: an item may be anything (null, a number), and is read, never trusted.
  const answered = envelope.data.some((d) => ours((d as { taskUUID?: unknown } | null)?.taskUUID)) || envelope.errors.some((e) => ours(e.taskUUID));
  if (envelope.status >= 400 && !answered) return { code: `http${envelope.status}`, message: '' };
  return undefined;
}

/** What an envelope says about one imageInference task. */
export function readTaskProgress(envelope: Envelope, taskUUID: string): TaskProgress {
  const results: ImageResult[] = [];
  const errors: ApiError[] = envelope.errors.filter((e) => !e.taskUUID || e.taskUUID === taskUUID);
  let processing = false;
  let unreadable = 0;
  for (const item of envelope.data) {
    const status = StatusItemSchema.safeParse(item);
    if (!status.success) {
      unreadable++;
      continue;
    }
    if (status.data.taskUUID !== taskUUID) continue;
    const state = status.data.status;
    if (state === 'processing' || state === 'pending') {
      processing = true;
      continue;
    }
    if (state === 'error' || status.data.error) {
      const e = status.data.error ?? { code: status.data.code, message: status.data.message };
      errors.push(toApiError({ ...e, taskUUID }));
      continue;
    }
    if (status.data.imageUUID === undefined && status.data.mediaUUID === undefined && state !== 'success') {
      // The async acknowledgement: accepted, nothing to show yet.
      processing = true;
      continue;
    }
    const r = ImageResultSchema.safeParse(item);
    const source = r.success ? resultSource(r.data) : undefined;
    const imageUUID = r.success ? (r.data.imageUUID ?? r.data.mediaUUID) : undefined;
    if (!r.success || !source || !imageUUID) {
      // Finished, in a shape this plugin cannot read: said as such, never polled as if still running.
      unreadable++;
      continue;
    }
    results.push({
      taskUUID,
      imageUUID,
      source,
      nsfw: r.data.NSFWContent === true,
      ...(r.data.seed === undefined ? {} : { seed: r.data.seed }),
      ...(r.data.cost === undefined ? {} : { cost: r.data.cost }),
    });
  }
  return { results, errors, processing, unreadable };
}

function resultSource(r: z.infer<typeof ImageResultSchema>): ImageResult['source'] | undefined {
  if (r.imageURL) return { kind: 'url', value: r.imageURL };
  if (r.mediaURL) return { kind: 'url', value: r.mediaURL };
  if (r.imageDataURI) return { kind: 'dataURI', value: r.imageDataURI };
  if (r.imageBase64Data) return { kind: 'base64', value: r.imageBase64Data };
  return undefined;
}

const UploadResultSchema = z.looseObject({ taskUUID: z.string(), imageUUID: z.string() });

/** The imageUUID an imageUpload task returned, if the envelope holds it. */
export function readUploadedUuid(envelope: Envelope, taskUUID: string): string | undefined {
  for (const item of envelope.data) {
    const r = UploadResultSchema.safeParse(item);
    if (r.success && r.data.taskUUID === taskUUID) return r.data.imageUUID;
  }
  return undefined;
}
