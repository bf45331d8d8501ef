import type { ApiError } from './response.ts';
import { DEFAULT_MODEL, knownModel } from '../models.ts';

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
  | 'safety'
  | 'modelUnavailable'
  | 'provider'
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
  /** The model the task asked for (its id), so a refusal names it. */
  readonly model?: string;
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

/**
 * Runware's codes by category, as its own SDK sorts them (runware-typescript `src/errors.ts`):
 * exact codes first, then the shapes of names it documents. Read by code, never by message.
 */
const CATALOGUE: readonly { kind: FailureKind; exact?: readonly string[]; test?: (code: string) => boolean }[] = [
  // An upload Runware no longer has (or never had): upload afresh, once.
  { kind: 'unknownReference', exact: ['medianotfound', 'mediaexpired'] },
  // "Failed or not found": either way no image will come under this taskUUID. Resubmitting
  // the same taskUUID is safe: Runware refuses it as a duplicate if it ever had it.
  { kind: 'taskNotFound', exact: ['tasknotfound', 'taskexpired', 'taskfailedornotfound', 'taskcancelled'] },
  {
    kind: 'safety',
    exact: [
      'contentpolicyviolation',
      'providercontentpolicyviolation',
      'sensitivecontentdetected',
      'unsafecontentdetected',
      'nsfwcontentdetected',
      'promptblocked',
      'imageblocked',
      'moderationfailed',
    ],
    test: (c) => c.includes('nsfw') || c.includes('contentpolicy'),
  },
  { kind: 'modelUnavailable', exact: ['modelunavailable', 'modeldisabled', 'modelnotready', 'unknownmodel', 'modelnotfound'] },
  { kind: 'forbidden', exact: ['forbidden'] },
  { kind: 'auth', exact: ['unauthorized', 'invalidcredentials', 'tokenexpired', 'accountsuspended'], test: (c) => c.includes('apikey') },
  { kind: 'credits', exact: ['quotaexceeded', 'paymentrequired'], test: (c) => c.includes('credits') || c.includes('quota') || c.includes('balance') },
  { kind: 'rateLimited', test: (c) => c.includes('ratelimit') },
  { kind: 'busy', exact: ['serviceunavailable', 'noavailableserver'] },
  { kind: 'queueTimeout', test: (c) => c.includes('timeout') },
  { kind: 'provider', exact: ['inferenceerror', 'processingfailed', 'taskfailed'], test: (c) => c.startsWith('provider') },
  { kind: 'server', exact: ['internalservererror', 'unknownerror'] },
  {
    kind: 'invalidParameter',
    exact: ['unknownparameter', 'incompatibleparameters', 'transparentmodelmismatch'],
    test: (c) => /^(invalid|missing|conflict|unsupported|max)/.test(c),
  },
];

/** Codes the catalogue does not know read by their HTTP status (a WebSocket answer has none). */
function byStatus(status: number, parameter: string | undefined): FailureKind {
  if (status === 401) return 'auth';
  if (status === 402) return 'credits';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rateLimited';
  if (status === 503) return 'busy';
  if (status === 504) return 'queueTimeout';
  if (status === 400 || parameter) return 'invalidParameter';
  return 'server';
}

/** Maps Runware's `{code, parameter}` and the HTTP status to what went wrong. */
export function classifyApiError(status: number, e: ApiError): Failure {
  const base = { status, code: e.code, ...(e.parameter ? { parameter: e.parameter } : {}), ...(e.message ? { detail: e.message } : {}) };
  const code = e.code.toLowerCase();
  // A reference Runware cannot find, said only in words by older answers.
  if (/referenceimages/i.test(e.parameter ?? '') && /not found|unknown|does not exist|expired/i.test(e.message)) return { kind: 'unknownReference', ...base };
  const known = CATALOGUE.find((c) => c.exact?.includes(code) || c.test?.(code));
  return { kind: known?.kind ?? byStatus(status, e.parameter), ...base };
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
    case 'provider':
    case 'queueTimeout':
    case 'timeout':
    case 'network':
      return 'check';
    default:
      return 'stop';
  }
}

function modelName(f: Failure, fallback = 'this model'): string {
  return knownModel(f.model)?.name ?? fallback;
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
      return `Your Runware key is not allowed to use ${modelName(f)}. Check the key’s permissions at my.runware.ai.`;
    case 'modelUnavailable':
      return `${modelName(f, 'This model')} is not available on Runware right now${f.code ? ` (${f.code})` : ''}: choose another Model.`;
    case 'provider':
      return `The model’s provider could not make this image${f.detail || f.code ? ` (${f.detail ?? f.code})` : ''}. Try again in a minute.`;
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
    case 'safety':
      return `Runware’s safety check refused this prompt or image${f.code ? ` (${f.code})` : ''}. Reword the prompt, or send another frame.`;
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
