import { ToMainSchema, type ToMain, type ToUI } from '../core/protocol.ts';

export function postToUI(message: ToUI): void {
  figma.ui.postMessage(message);
}

/** Drops (and reports) anything the UI sends that is not a known message. */
export function onUIMessage(handler: (message: ToMain) => void | Promise<void>): void {
  figma.ui.onmessage = (raw: unknown) => {
    const parsed = ToMainSchema.safeParse(raw);
    if (!parsed.success) {
      console.error('Riverflow: unknown UI message');
      return;
    }
    void Promise.resolve(handler(parsed.data)).catch((e: unknown) => {
      console.error('Riverflow:', e instanceof Error ? e.message : String(e));
    });
  };
}

export function reply(id: number, ok: boolean, message?: string, nodeId?: string): void {
  postToUI({ type: 'reply', id, ok, message, nodeId });
}
