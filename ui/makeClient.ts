import { DEFAULT_TIMING, type DevEndpoints } from '../core/protocol.ts';
import { RUNWARE_ENDPOINTS } from '../core/runware/endpoints.ts';
import { send } from './bridge.ts';
import { RunwareClient } from './runware/client.ts';
import { RestTransport, WebSocketTransport } from './runware/transport.ts';

/**
 * REST first, WebSocket when the browser refuses REST (CORS is undocumented for the
 * null-origin iframe); whichever worked last time goes first.
 */
export function makeClient(apiKey: string, endpoints: DevEndpoints | null, preferred: 'rest' | 'ws' | null): RunwareClient {
  const urls = endpoints ?? RUNWARE_ENDPOINTS;
  const rest = new RestTransport(urls.rest, apiKey);
  const ws = new WebSocketTransport(urls.ws, apiKey);
  return new RunwareClient({
    transports: preferred === 'ws' ? [ws, rest] : [rest, ws],
    timing: endpoints?.timing ?? DEFAULT_TIMING,
    onTransport: (transport) => send({ type: 'save-transport', transport }),
  });
}
