import type { ApiError } from './response.ts';
import { DEFAULT_MODEL } from '../models.ts';

export type FailureKind =
  | 'auth'
  | 'credits'
  | 'forbidden'
  | 'rateLimited'
  | 'busy'
  | 'server'
  | 'queueTimeout'
  | 'invalidParameter'
  | 'unknownReference'
  | 'taskNotFound'
  | 'nsfw'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'badImage'
  | 'cancelled';

export interface Failure {
  readonly kind: FailureKind;
  readonly status?: number;
  readonly code?: string;
  readonly parameter?: string;
  /** The server's own words, already scrubbed of the key. */
  readonly detail?: string;
  /** For network failures: the host that could not be reached. */
  readonly host?: string;
}

/** Thrown through the client so that callers can `catch` one type and read `failure`. */
export class RunwareError extends Error {
  constructor(readonly failure: Failure) {
    super(userMessage(failure));
    this.name = 'RunwareError';
  }
}

/** Maps Runware's `{code, parameter}` and the HTTP status to what went wrong. */
export function classifyApiError(status: number, e: ApiError): Failure {
  const base = { status, code: e.code, ...(e.parameter ? { parameter: e.parameter } : {}), ...(e.message ? { detail: e.message } : {}) };
  const code = e.code.toLowerCase();
  // An upload Runware no longer has (or never had): upload afresh, once.
  if (
    code === 'medianotfound' ||
    code === 'mediaexpired' ||
    (/referenceimages/i.test(e.parameter ?? '') && /not found|unknown|does not exist|expired/i.test(e.message))
  ) {
    return { kind: 'unknownReference', ...base };
  }
  // "Failed or not found": either way no image will come under this taskUUID. Resubmitting
  // the same taskUUID is safe: Runware refuses it as a duplicate if it ever had it.
  if (code === 'tasknotfound' || code === 'taskexpired' || code === 'taskfailedornotfound') return { kind: 'taskNotFound', ...base };
  if (code.includes('apikey') || status === 401) return { kind: 'auth', ...base };
  if (code.includes('credits') || code.includes('balance') || status === 402) return { kind: 'credits', ...base };
  if (code.includes('nsfw') || code.includes('contentpolicy')) return { kind: 'nsfw', ...base };
  if (status === 403) return { kind: 'forbidden', ...base };
  if (status === 429 || code.includes('ratelimit')) return { kind: 'rateLimited', ...base };
  if (status === 503 || code === 'serviceunavailable') return { kind: 'busy', ...base };
  if (status === 504 || code.includes('timeout')) return { kind: 'queueTimeout', ...base };
  if (status === 400 || e.parameter) return { kind: 'invalidParameter', ...base };
  return { kind: 'server', ...base };
}

/**
 * What to do after a failure, given that one click may be charged at most once:
 * `resubmit` only when Runware said the task was not accepted; `check` (ask getResponse
 * for the same taskUUID) when it may have been; `stop` otherwise.
 */
export function retryPolicy(kind: FailureKind): 'resubmit' | 'check' | 'stop' {
  switch (kind) {
    case 'rateLimited':
    case 'busy':
      return 'resubmit';
    case 'server':
    case 'queueTimeout':
    case 'timeout':
    case 'network':
      return 'check';
    default:
      return 'stop';
  }
}

/**
 * One or two sentences a designer can act on. Never includes the key (callers scrub
 * `detail`). What it meant for money and results ("Nothing was charged", recovery) is
 * added by the run, which knows whether Runware had accepted the task.
 */
export function userMessage(f: Failure): string {
  switch (f.kind) {
    case 'auth':
      return 'Runware did not accept your API key. Check it under API key, or create a new one at my.runware.ai.';
    case 'credits':
      return 'Your Runware account is out of credits. Top it up at my.runware.ai, then try again.';
    case 'forbidden':
      return 'Your Runware key is not allowed to use Riverflow 1.1 Pro. Check the key’s permissions at my.runware.ai.';
    case 'rateLimited':
      return 'Runware is limiting requests right now. Wait a minute and try again.';
    case 'busy':
      return 'Runware is busy right now. Try again in a minute.';
    case 'server':
      return `Runware had a server error${f.detail ? ` (${f.detail})` : ''}.`;
    case 'queueTimeout':
      return 'Runware’s queue took too long to start the task. Try again in a few minutes.';
    case 'invalidParameter':
      if (f.parameter === 'positivePrompt')
        return `Runware refused the prompt${f.detail ? ` (${f.detail})` : ''}: check its wording and length (${DEFAULT_MODEL.limits.minPrompt} to ${DEFAULT_MODEL.limits.maxPrompt} characters).`;
      // The model's page and Runware disagree on a size or a reference count: say which choice to change.
      if (f.parameter === 'width' || f.parameter === 'height')
        return `Runware does not take this size for the chosen model${f.detail ? ` (${f.detail.replace(/\.$/, '')})` : ''}: choose another Size or Model.`;
      if (f.parameter === 'inputs.referenceImages' && /array of/i.test(f.detail ?? ''))
        return `Runware took fewer references for the chosen model${f.detail ? ` (${f.detail.replace(/\.$/, '')})` : ''}: send fewer frames, or choose another Model.`;
      return `Runware rejected the request: ${f.parameter ? `“${f.parameter}” is not valid` : 'a setting is not valid'}${f.detail ? ` (${f.detail})` : ''}.`;
    case 'unknownReference':
      return 'Runware no longer has one of the uploaded references. Run again to upload it afresh.';
    case 'taskNotFound':
      return 'Runware no longer knows this task (results are kept for a limited time). Nothing was placed.';
    case 'nsfw':
      return 'Runware’s safety check flagged the result, so it was not placed. Try rewording the prompt.';
    case 'network':
      return `Could not reach ${f.host ?? 'Runware'}. Check your internet connection, or whether a firewall or VPN blocks it.`;
    case 'timeout':
      return 'Runware did not answer in time.';
    case 'malformed':
      return 'Runware sent an answer the plugin could not read.';
    case 'badImage':
      return `The result image could not be used${f.detail ? `: ${f.detail}` : ''}. Nothing was placed.`;
    case 'cancelled':
      return 'Cancelled.';
  }
}
