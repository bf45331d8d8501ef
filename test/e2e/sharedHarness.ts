import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

/**
 * One emulator, playground and Chromium per test file, with the emulator's state (faults,
 * behaviour, records) cleared before each test. The returned object forwards to the
 * harness once it has started.
 */
export function sharedHarness(): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness();
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => current!.emulator.reset());
  return new Proxy({} as Harness, { get: (_, prop) => Reflect.get(current!, prop) });
}
