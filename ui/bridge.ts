import { REQUESTS, type ReplyValue, type RequestBody, type RequestType } from '../core/protocol/requests.ts';
import type { Reference } from '../core/protocol/shared.ts';
import type { ToMain } from '../core/protocol/toMain.ts';
import { ToUISchema, type ToUI } from '../core/protocol/toUI.ts';
import { RequestFailed } from './requestFailed.ts';
import { notice } from '../core/notice.ts';

/** Figma delivers main-thread messages as `event.data.pluginMessage`; anything else is ignored. */
type Listener = (message: ToUI) => void;
type Reply = Extract<ToUI, { type: 'reply' }>;
const listeners = new Set<Listener>();
const replies = new Map<number, (reply: Reply) => void>();
/** The newest message of each kind that describes state: a hook that subscribes after it arrived still starts from it. */
type StateMessage = Extract<ToUI, { type: 'selection' | 'pins' }>;
const latest = new Map<StateMessage['type'], StateMessage>();
let nextId = 1;

window.addEventListener('message', (event: MessageEvent) => {
  const raw: unknown = (event.data as { pluginMessage?: unknown } | null)?.pluginMessage;
  if (raw === undefined) return;
  const parsed = ToUISchema.safeParse(raw);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.type === 'reply') replies.get(message.id)?.(message);
  if (message.type === 'selection' || message.type === 'pins') latest.set(message.type, message);
  for (const l of listeners) l(message);
});

/** A Figma notification: outcome first, shortened to the 100 characters Figma shows (see notice). */
export function notify(outcome: string, error = false, detail = ''): void {
  send({ type: 'notify', message: notice(outcome, detail), error });
}

export function send(message: Exclude<ToMain, { id: number }>): void {
  parent.postMessage({ pluginMessage: message }, '*');
}

export function latestMessage<T extends StateMessage['type']>(type: T): Extract<ToUI, { type: T }> | undefined {
  return latest.get(type) as Extract<ToUI, { type: T }> | undefined;
}

export function onMessage(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export { RequestFailed };

/**
 * Sends a request and resolves with its reply, checked against that request's reply type.
 * Every request ends: a reply, a failure, a time-out, or the caller's Cancel.
 */
export function request<K extends RequestType>(
  body: RequestBody<K>,
  options: { signal?: AbortSignal; onId?: (id: number) => void } = {},
): Promise<ReplyValue<K>> {
  const id = nextId++;
  options.onId?.(id);
  return new Promise<ReplyValue<K>>((resolve, reject) => {
    const end = () => {
      replies.delete(id);
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      end();
      reject(new RequestFailed('Cancelled.', true));
    };
    const timer = setTimeout(() => {
      end();
      reject(new RequestFailed('Figma did not answer in time. Close and reopen Riverflow, then try again.'));
    }, REQUESTS[body.type].timeoutMs);
    replies.set(id, (reply) => {
      end();
      if (!reply.ok) return reject(new RequestFailed(reply.message));
      const value = REQUESTS[body.type].reply.safeParse(reply.value);
      if (value.success) resolve(value.data as ReplyValue<K>);
      else reject(new RequestFailed('The plugin’s main thread sent an answer the panel could not read.'));
    });
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    parent.postMessage({ pluginMessage: { ...body, id } }, '*');
  });
}

/** Asks the main thread to export references; they arrive one message each, then the reply. */
export async function exportReferences(
  nodeIds: readonly string[],
  maxLongSide: number,
  skipCache: boolean,
  signal?: AbortSignal,
  hide?: readonly string[],
): Promise<Reference[]> {
  const refs: Reference[] = [];
  let requestId = -1;
  const stop = onMessage((m) => {
    if (m.type === 'reference' && m.id === requestId) refs[m.index] = m.reference;
  });
  try {
    const body: RequestBody<'export-references'> = {
      type: 'export-references',
      nodeIds: [...nodeIds],
      maxLongSide,
      skipCache,
      ...(hide?.length ? { hide: [...hide] } : {}),
    };
    const { count } = await request(body, { ...(signal ? { signal } : {}), onId: (id) => (requestId = id) });
    if (refs.filter(Boolean).length !== count) throw new RequestFailed('Figma could not export the selection.');
    return refs;
  } finally {
    stop();
  }
}
