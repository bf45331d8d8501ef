import type { TransportName } from '../../core/protocol/shared.ts';
import { DEFAULT_TIMING, type DevEndpoints } from '../../core/records/devEndpoints.ts';
import { RUNWARE_ENDPOINTS } from '../../core/runware/endpoints.ts';
import { send } from '../bridge.ts';
import { RunwareClient } from './client.ts';
import { RestTransport } from './rest.ts';
import { WebSocketTransport } from './websocket.ts';

/** Where calls go and with which key: the saved key; the emulator in the playground. */
export interface Connection {
  readonly apiKey: string;
  readonly endpoints: DevEndpoints | null;
  readonly transport: TransportName | null;
}

/**
 * REST first, WebSocket when the browser refuses REST (CORS is undocumented for the
 * null-origin iframe); whichever worked last time goes first.
 */
export function makeClient({ apiKey, endpoints, transport }: Connection): RunwareClient {
  const urls = endpoints ?? RUNWARE_ENDPOINTS;
  const rest = new RestTransport(urls.rest, apiKey);
  const ws = new WebSocketTransport(urls.ws, apiKey);
  return new RunwareClient({
    transports: transport === 'ws' ? [ws, rest] : [rest, ws],
    timing: endpoints?.timing ?? DEFAULT_TIMING,
    onTransport: (name) => send({ type: 'save-transport', transport: name }),
  });
}
