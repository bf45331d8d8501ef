import { RunwareError } from '../../core/runware/failures.ts';
import type { Envelope } from '../../core/runware/response.ts';
import { RunwareClient } from '../../ui/runware/client.ts';
import type { SendOptions, Transport } from '../../ui/runware/transport.ts';

/**
 * The code that decides charges, driven directly: a scripted transport answers each call,
 * the clock and sleep are injected, so every branch runs in milliseconds.
 */
export type Tasks = readonly Record<string, unknown>[];
export type Script = (tasks: Tasks, call: number) => Envelope | RunwareError;

export class ScriptedTransport implements Transport {
  readonly calls: Tasks[] = [];
  constructor(
    readonly name: 'rest' | 'ws',
    private readonly script: Script,
  ) {}
  async send(tasks: readonly object[], _options: SendOptions): Promise<Envelope> {
    const list = tasks as Tasks;
    this.calls.push(list);
    const answer = this.script(list, this.calls.length - 1);
    if (answer instanceof RunwareError) throw answer;
    return answer;
  }
  async probe(): Promise<void> {}
  close(): void {}
}

export function client(script: Script, extra: Partial<ConstructorParameters<typeof RunwareClient>[0]> = {}) {
  const transport = new ScriptedTransport('rest', script);
  let now = 0;
  const sleeps: number[] = [];
  const c = new RunwareClient({
    transports: [transport],
    timing: { requestTimeoutMs: 1000, pollLimitMs: 60_000, pollScale: 1 },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    now: () => now,
    ...extra,
  });
  return { c, transport, sleeps };
}

export const ok = (data: unknown[], errors: Envelope['errors'] = [], status = 200): Envelope => ({ status, data, errors });
export const fail = (status: number, code: string, taskUUID?: string): Envelope => ({
  status,
  data: [],
  errors: [{ code, message: code, ...(taskUUID ? { taskUUID } : {}) }],
});
