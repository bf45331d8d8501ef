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
 * so a stored override can never send a user's key to a third party. Parsed by hand, not
 * with `new URL`: Figma's main thread, which reads the override, has no URL global.
 * No user-info part (`http://127.0.0.1@evil.example`) and nothing after the port but a path.
 */
const LOOPBACK = /^(?:http|ws):\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::(\d{1,5}))?(?:[/?#][^\s]*)?$/i;

export function isLoopbackUrl(url: string): boolean {
  const m = LOOPBACK.exec(url);
  if (!m) return false;
  return m[1] === undefined || Number(m[1]) <= 65535;
}
