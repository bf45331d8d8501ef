import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultQueue, type Fault } from './faults.ts';
import { httpHandler } from './http.ts';
import { createAccount, type Account } from './account.ts';
import { DEFAULT_BEHAVIOUR, type Behaviour, type Charge, type Delivery, type RecordedRequest } from './state.ts';
import { attachWebSocket } from './websocket.ts';

export type { Fault, TaskType } from './faults.ts';
export type { Behaviour, Charge, Delivery, RecordedRequest } from './state.ts';

/** A key the emulator accepts by default. Not a real Runware key: there is none in this repo. */
export const EMULATOR_API_KEY = 'emulatorKey0123456789abcdefABCDEF';

export interface Emulator {
  readonly origin: string;
  readonly url: string;
  readonly wsUrl: string;
  readonly requests: RecordedRequest[];
  /** Result and upload downloads (GET), with the time spent serving each. */
  readonly downloads: { bytes: number; ms: number }[];
  readonly charges: Charge[];
  /** Each finished image's first trip out: when it was ready and when it was sent. */
  readonly deliveries: Delivery[];
  /** What a task's model read as its first reference, and an image it made: what tests compare pixels with. */
  firstReference(taskUUID: string): Buffer | undefined;
  image(imageUUID: string): Buffer | undefined;
  inject(fault: Fault): void;
  set(behaviour: Partial<Behaviour>): void;
  /** Clears faults, behaviour, records and state (uploads survive unless `all`). */
  reset(all?: boolean): void;
  forgetUploads(): void;
  /** Lets every task still `processing` finish on its next poll. */
  finishAll(): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for Runware's `POST /v1` and WebSocket API, strict about the Riverflow
 * 1.1 Pro contract, with results that are real images derived from the first reference.
 * The account (runware.ts) is shared by both front ends (http.ts, websocket.ts), and so
 * are the injected faults.
 */
export async function startEmulator(options: { port?: number; apiKeys?: readonly string[]; credits?: number; wsIdleMs?: number } = {}): Promise<Emulator> {
  const account: Account = createAccount({
    apiKeys: options.apiKeys ?? [EMULATOR_API_KEY],
    ...(options.credits === undefined ? {} : { credits: options.credits }),
  });
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const downloads: { bytes: number; ms: number }[] = [];
  const server = http.createServer(httpHandler({ account, faults, requests, downloads }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  // Attached once listening: a port in use is then the caller's error to report, not an unhandled event.
  const wss = attachWebSocket(server, account, faults, requests, { idleMs: options.wsIdleMs ?? 120_000 });
  const { port } = server.address() as AddressInfo;
  account.origin = `http://127.0.0.1:${port}`;

  return {
    origin: account.origin,
    url: `${account.origin}/v1`,
    wsUrl: `ws://127.0.0.1:${port}/v1`,
    requests,
    downloads,
    charges: account.charges,
    deliveries: account.deliveries,
    firstReference: (taskUUID) => account.firstReferences.get(taskUUID),
    image: (imageUUID) => account.images.get(imageUUID)?.bytes,
    inject: (fault) => faults.inject(fault),
    set: (b) => {
      account.behaviour = { ...account.behaviour, ...b };
    },
    reset: (all = false) => {
      faults.clear();
      account.behaviour = { ...DEFAULT_BEHAVIOUR };
      requests.length = 0;
      downloads.length = 0;
      account.charges.length = 0;
      account.deliveries.length = 0;
      account.firstReferences.clear();
      if (all) account.uploads.clear();
    },
    forgetUploads: () => account.uploads.clear(),
    finishAll: () => {
      for (const t of account.tasks.values()) {
        t.pollsLeft = 0;
        t.readyAt = 0;
      }
    },
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
