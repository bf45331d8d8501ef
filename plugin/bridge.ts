import type { ReplyValue, RequestType } from '../core/protocol/requests.ts';
import { ToMainSchema, type ToMain, type ToMainRequest } from '../core/protocol/toMain.ts';
import type { ToUI } from '../core/protocol/toUI.ts';
import { errorText } from '../core/errorText.ts';

export function postToUI(message: ToUI): void {
  figma.ui.postMessage(message);
}

/** A failure whose message is written for the designer and may be shown as is. */
export class PluginProblem extends Error {}

export type RequestHandlers = { [K in RequestType]: (message: Extract<ToMainRequest, { type: K }>) => Promise<ReplyValue<K>> };
export type EventHandlers = { [K in Exclude<ToMain, { id: number }>['type']]: (message: Extract<ToMain, { type: K }>) => void | Promise<void> };

function describe(e: unknown): string {
  if (e instanceof PluginProblem) return e.message;
  // Storage quota, a removed node, an API Figma refused: say what failed, in Figma's words.
  return `Figma could not do that: ${errorText(e)}`;
}

/**
 * Every request ends with exactly one reply, success or a failure a person can read,
 * even when its handler throws. Anything that is not a known message is dropped.
 */
export function onUIMessage(requests: RequestHandlers, events: EventHandlers): void {
  figma.ui.onmessage = (raw: unknown) => {
    const parsed = ToMainSchema.safeParse(raw);
    if (!parsed.success) {
      console.error('Riverflow: unknown UI message');
      return;
    }
    const message = parsed.data;
    if ('id' in message) {
      const handler = requests[message.type] as (m: ToMainRequest) => Promise<object>;
      void Promise.resolve()
        .then(() => handler(message as ToMainRequest))
        .then(
          (value) => postToUI({ type: 'reply', id: message.id, ok: true, value }),
          (e: unknown) => postToUI({ type: 'reply', id: message.id, ok: false, message: describe(e) }),
        )
        // The panel is gone (the plugin closed while the handler ran): there is no one to answer.
        .catch(() => undefined);
      return;
    }
    const handler = events[message.type] as (m: ToMain) => void | Promise<void>;
    void Promise.resolve()
      .then(() => handler(message))
      .catch((e: unknown) => console.error('Riverflow:', errorText(e)));
  };
}
