import type { Reference, ToMain, ToUI } from '../core/protocol.ts';
import { ToUISchema } from '../core/protocolToUI.ts';

/** Figma delivers main-thread messages as `event.data.pluginMessage`; anything else is ignored. */
type Listener = (message: ToUI) => void;
const listeners = new Set<Listener>();
const replies = new Map<number, (reply: Extract<ToUI, { type: 'reply' }>) => void>();
let nextId = 1;

window.addEventListener('message', (event: MessageEvent) => {
  const raw: unknown = (event.data as { pluginMessage?: unknown } | null)?.pluginMessage;
  if (raw === undefined) return;
  const parsed = ToUISchema.safeParse(raw);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.type === 'reply') {
    replies.get(message.id)?.(message);
    replies.delete(message.id);
  }
  for (const l of listeners) l(message);
});

export function send(message: ToMain): void {
  parent.postMessage({ pluginMessage: message }, '*');
}

export function onMessage(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Reply = Extract<ToUI, { type: 'reply' }>;

/** Sends a message that carries an `id` and resolves with the main thread's reply to it. */
export function request(build: (id: number) => ToMain): Promise<Reply> {
  const id = nextId++;
  return new Promise((resolve) => {
    replies.set(id, resolve);
    send(build(id));
  });
}

/** Asks the main thread to export references; they arrive one message each. */
export async function exportReferences(nodeIds: readonly string[], maxLongSide: number, skipCache: boolean): Promise<Reference[]> {
  const refs: Reference[] = [];
  let requestId = -1;
  const stop = onMessage((m) => {
    if (m.type === 'reference' && m.id === requestId) refs[m.index] = m.reference;
  });
  try {
    const reply = await request((id) => {
      requestId = id;
      return { type: 'export-references', id, nodeIds: [...nodeIds], maxLongSide, skipCache };
    });
    if (!reply.ok) throw new Error(reply.message ?? 'Figma could not export the selection.');
    return refs;
  } finally {
    stop();
  }
}
