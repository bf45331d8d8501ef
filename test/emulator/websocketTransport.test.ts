import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { RunwareError } from '../../core/runware/failures.ts';
import { buildGetResponseTask } from '../../core/runware/tasks.ts';
import { uuidV4 } from '../../ui/runware/uuid.ts';
import { EMULATOR_API_KEY, startEmulator, type Emulator } from '../../dev/emulator/server.ts';
import { WebSocketTransport } from '../../ui/runware/websocket.ts';

// The iframe's WebSocket, played in Node by `ws` (same onopen/onmessage/onclose surface).
(globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ wsIdleMs: 600 });
});
afterAll(async () => {
  await emu.close();
});

const options = { timeoutMs: 3000 };
const sockets = () => emu.requests.filter((r) => r.transport === 'ws' && r.tasks[0]?.taskType === 'authentication');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WebSocket transport against the emulator', () => {
  it('shares one socket between concurrent calls and authenticates once', async () => {
    emu.reset();
    const ws = new WebSocketTransport(emu.wsUrl, EMULATOR_API_KEY, 200);
    const answers = await Promise.all([0, 1, 2].map(() => ws.send([buildGetResponseTask(uuidV4())], options)));
    expect(answers.map((a) => a.errors[0]?.code)).toEqual(['taskFailedOrNotFound', 'taskFailedOrNotFound', 'taskFailedOrNotFound']);
    expect(sockets()).toHaveLength(1);
    ws.close();
  });

  it('reads a refused key as a key problem, not a time-out', async () => {
    const ws = new WebSocketTransport(emu.wsUrl, 'WrongKey0123456789abcdefghijkl');
    const error = await ws.send([buildGetResponseTask(uuidV4())], options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunwareError);
    expect((error as RunwareError).failure.kind).toBe('auth');
  });

  it('pings an idle socket so Runware keeps it past its idle limit', async () => {
    emu.reset();
    const ws = new WebSocketTransport(emu.wsUrl, EMULATOR_API_KEY, 200);
    await ws.send([buildGetResponseTask(uuidV4())], options);
    await sleep(1500);
    await ws.send([buildGetResponseTask(uuidV4())], options);
    expect(sockets()).toHaveLength(1);
    expect(emu.requests.some((r) => r.tasks[0]?.taskType === 'ping')).toBe(true);
    ws.close();
  });

  it('fails only the call a dropped socket carried, and resumes the session on the next call', async () => {
    emu.reset();
    const ws = new WebSocketTransport(emu.wsUrl, EMULATOR_API_KEY, 60_000);
    await ws.send([buildGetResponseTask(uuidV4())], options);
    emu.inject({ on: 'getResponse', drop: true });
    const dropped = await ws.send([buildGetResponseTask(uuidV4())], options).catch((e: unknown) => e);
    expect((dropped as RunwareError).failure.kind).toBe('network');
    await ws.send([buildGetResponseTask(uuidV4())], options);
    const [first, second] = sockets();
    const session = (first!.tasks[0] as { connectionSessionUUID?: string }).connectionSessionUUID;
    expect(session).toBeUndefined();
    expect(second!.tasks[0]).toMatchObject({ taskType: 'authentication', connectionSessionUUID: expect.any(String) });
    ws.close();
  });
});
