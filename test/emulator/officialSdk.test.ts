import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { RunwareServer } from '@runware/sdk-js';
import { uuidV4 } from '../../ui/runware/uuid.ts';
import { EMULATOR_API_KEY, startEmulator, type Emulator } from '../../dev/emulator/server.ts';

/**
 * A real client nobody here wrote, Runware's own `@runware/sdk-js` (WebSocket), talks to
 * the emulator: if our reading of the protocol were off, this is where it would show.
 */
let emu: Emulator;
let sdk: RunwareServer;
let reference = '';
const SOCKET_IDLE_MS = 25_000;

beforeAll(async () => {
  // Runware drops a socket idle for 120 s; the emulator does the same, sooner, so a minute proves the heartbeat.
  emu = await startEmulator({ wsIdleMs: SOCKET_IDLE_MS });
  reference = `data:image/png;base64,${(
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer()
  ).toString('base64')}`;
  sdk = new RunwareServer({ apiKey: EMULATOR_API_KEY, url: emu.wsUrl, heartbeatInterval: 10_000, timeoutDuration: 20_000 });
  await sdk.ensureConnection();
});
afterAll(async () => {
  await sdk?.disconnect();
  await emu?.close();
});

const sockets = () => emu.requests.filter((r) => r.transport === 'ws' && r.tasks[0]?.taskType === 'authentication').length;
type Params = Parameters<RunwareServer['imageInference']>[0];
const riverflow = (over: Record<string, unknown>) =>
  ({
    model: 'sourceful:1@2',
    positivePrompt: 'Make the box teal',
    width: 1152,
    height: 864,
    outputType: 'base64Data',
    outputFormat: 'PNG',
    includeCost: true,
    ...over,
  }) as unknown as Params;

describe('the official @runware/sdk-js against the emulator', () => {
  it('authenticates once and gets a Riverflow edit from a reference image', async () => {
    const images = await sdk.imageInference(riverflow({ inputs: { referenceImages: [reference] } }));
    expect(images).toHaveLength(1);
    const image = images![0]! as unknown as { imageBase64Data: string; cost: number };
    expect(image.cost).toBe(0.077);
    const meta = await sharp(Buffer.from(image.imageBase64Data, 'base64')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1152, 864]);
    expect(emu.charges).toHaveLength(1);
  });

  it('uploads an image, then uses its UUID as a reference', async () => {
    const uploaded = await sdk.imageUpload({ image: reference } as Parameters<RunwareServer['imageUpload']>[0]);
    const uuid = (uploaded as unknown as { imageUUID: string }).imageUUID;
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    const images = await sdk.imageInference(riverflow({ inputs: { referenceImages: [uuid] } }));
    expect(images).toHaveLength(1);
  });

  it('takes an async task with an acknowledgement, then delivers it through getResponse', async () => {
    const taskUUID = uuidV4();
    const ack = await sdk.imageInference(riverflow({ inputs: { referenceImages: [reference] }, deliveryMethod: 'async', taskUUID }));
    expect(ack?.[0]).toMatchObject({ taskUUID });
    // Polled as Runware's page says: processing until the image exists, then success.
    const finished = async () => (await sdk.getResponse<{ taskUUID: string; status?: string; imageUUID?: string }>({ taskUUID })).find((p) => p.imageUUID);
    await expect.poll(finished, { interval: 200 }).toMatchObject({ taskUUID, status: 'success' });
  });

  it('keeps its socket for over a minute with its heartbeat, without a reconnect', async () => {
    const before = sockets();
    await new Promise((r) => setTimeout(r, 61_000));
    const images = await sdk.imageInference(riverflow({ inputs: { referenceImages: [reference] } }));
    expect(images).toHaveLength(1);
    expect(sockets()).toBe(before);
    expect(emu.requests.filter((r) => r.tasks[0]?.taskType === 'ping').length).toBeGreaterThanOrEqual(5);
  }, 90_000);
});
