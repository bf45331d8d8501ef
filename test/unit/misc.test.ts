import { describe, expect, it } from 'vitest';
import { contentHash } from '../../core/hash.ts';
import { readImageSize, sniffImageKind } from '../../core/imageInfo.ts';
import { base64ToBytes, bytesToBase64 } from '../../ui/base64.ts';
import { formatUsd } from '../../core/format.ts';
import { runBlocker } from '../../core/runBlocker.ts';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../core/records/settings.ts';
import { isLoopbackUrl } from '../../core/runware/endpoints.ts';
import { notice, NOTIFY_MAX, shortName } from '../../core/notice.ts';
import sharp from 'sharp';

describe('content hash', () => {
  it('is stable for equal bytes and differs for a one-byte change', () => {
    const a = new Uint8Array(5000).map((_, i) => i % 251);
    const b = a.slice();
    b[4000] = 7;
    expect(contentHash(a)).toBe(contentHash(a.slice()));
    expect(contentHash(a)).not.toBe(contentHash(b));
  });
});

describe('image info', () => {
  it('reads kind and size of real PNG, JPEG, GIF and WEBP files', async () => {
    const base = sharp({ create: { width: 321, height: 123, channels: 3, background: '#08f' } });
    for (const [fmt, kind] of [
      ['png', 'png'],
      ['jpeg', 'jpeg'],
      ['gif', 'gif'],
      ['webp', 'webp'],
    ] as const) {
      const bytes = new Uint8Array(await base.clone().toFormat(fmt).toBuffer());
      expect(sniffImageKind(bytes)).toBe(kind);
      if (kind !== 'webp') expect(readImageSize(bytes)).toEqual({ width: 321, height: 123 });
    }
    expect(sniffImageKind(new TextEncoder().encode('<html>'))).toBeUndefined();
  });
  it('round-trips base64', () => {
    const bytes = new Uint8Array(70000).map((_, i) => (i * 7) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });
});

describe('cost', () => {
  it('reads in dollars with the sub-cent digits that matter', () => {
    expect(formatUsd(0.077)).toBe('$0.077');
    expect(formatUsd(0.0302)).toBe('$0.0302');
    expect(formatUsd(0.02)).toBe('$0.02');
    expect(formatUsd(1.54)).toBe('$1.54');
  });
});

describe('why Generate is disabled', () => {
  const ok = { apiKey: 'AbCdEf0123456789AbCdEf', prompt: 'Make it blue', selected: 1, skipped: [] };
  it('names the missing piece', () => {
    expect(runBlocker(ok)).toBeUndefined();
    expect(runBlocker({ ...ok, selected: 0 })).toBe('Select a frame, group, component or image on the canvas.');
    expect(runBlocker({ ...ok, selected: 0, skipped: [{ name: 'Logo', reason: 'is hidden' }] })).toBe(
      '“Logo” is hidden. Select a visible frame, group, component or image.',
    );
    expect(runBlocker({ ...ok, prompt: '  \n ' })).toBe('Describe the change you want in Prompt.');
    expect(runBlocker({ ...ok, prompt: 'x'.repeat(2001) })).toBe('The prompt is 2001 characters; Runware takes at most 2000.');
    expect(runBlocker({ ...ok, prompt: ' Red ' })).toBe('The prompt needs at least 4 characters (Runware’s limit).');
    expect(runBlocker({ ...ok, prompt: 'x'.repeat(2000) })).toBeUndefined();
    expect(runBlocker({ ...ok, apiKey: '' })).toBe('Add your Runware API key to generate.');
    expect(runBlocker({ ...ok, apiKey: 'not a key' })).toMatch(/spaces/);
  });
});

describe('stored settings', () => {
  it('are used only within the model page’s ranges', () => {
    const ok = (s: object) => SettingsSchema.safeParse(s).success;
    expect(ok(DEFAULT_SETTINGS)).toBe(true);
    expect(ok({ ...DEFAULT_SETTINGS, numberResults: 20, outputQuality: 20 })).toBe(true);
    expect(ok({ ...DEFAULT_SETTINGS, numberResults: 21 })).toBe(false);
    expect(ok({ ...DEFAULT_SETTINGS, numberResults: 1.5 })).toBe(false);
    expect(ok({ ...DEFAULT_SETTINGS, outputQuality: 19 })).toBe(false);
    expect(ok({ ...DEFAULT_SETTINGS, outputQuality: 100 })).toBe(false);
  });
});

describe('endpoint overrides', () => {
  it('take loopback http/ws hosts only, with no user-info trick', () => {
    for (const ok of ['http://127.0.0.1:8787/v1', 'ws://localhost:8787/v1', 'http://[::1]:9/v1', 'ws://127.0.0.1/v1', 'HTTP://LOCALHOST:1']) {
      expect(isLoopbackUrl(ok), ok).toBe(true);
    }
    for (const bad of [
      'https://api.runware.ai/v1',
      'http://127.0.0.1.evil.example/v1',
      'http://127.0.0.1@evil.example/v1',
      'http://localhost:99999/v1',
      'wss://127.0.0.1/v1',
      'http://evil.example/?h=127.0.0.1',
      ' http://127.0.0.1/v1',
      'http://127.0.0.1/v1 x',
    ]) {
      expect(isLoopbackUrl(bad), bad).toBe(false);
    }
  });
});

describe('notifications (Figma shows 100 characters)', () => {
  it('keep the outcome first and fit, shortening names and cutting the detail at a word', () => {
    expect(notice('Placed 1 image.')).toBe('Placed 1 image.');
    const long = notice(
      `Placed 1 image beside “${shortName('x'.repeat(80))}”.`,
      'Drawn into the image, since its font is not available here: “Best before”, “Ingredients”.',
    );
    expect(long.length).toBeLessThanOrEqual(NOTIFY_MAX);
    expect(long).toMatch(/^Placed 1 image beside “x{35}…”\. Drawn into the .*…$/);
    expect(shortName('Box front')).toBe('Box front');
    expect(notice('y'.repeat(150))).toHaveLength(NOTIFY_MAX);
  });
});
