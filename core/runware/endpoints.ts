/**
 * The hosts the plugin talks to; manifest.json's allowlist must match (a test checks it).
 * No image host: results come inline (base64Data), so nothing is downloaded from im.runware.ai.
 */
export const RUNWARE_REST_URL = 'https://api.runware.ai/v1';
export const RUNWARE_WS_URL = 'wss://ws-api.runware.ai/v1';

export interface Endpoints {
  readonly rest: string;
  readonly ws: string;
}

export const RUNWARE_ENDPOINTS: Endpoints = { rest: RUNWARE_REST_URL, ws: RUNWARE_WS_URL };

/**
 * Endpoint overrides are for the local emulator only: anything but loopback is refused,
 * so a stored override can never send a user's key to a third party.
 */
export function isLoopbackUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return ['http:', 'ws:'].includes(u.protocol) && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}
