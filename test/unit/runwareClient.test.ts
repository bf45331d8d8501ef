import { describe, expect, it } from 'vitest';
import { RunwareError } from '../../core/runware/failures.ts';
import type { ImageResult } from '../../core/runware/response.ts';
import { buildInferenceTasks } from '../../core/runware/tasks.ts';
import { findPreset } from '../../core/sizes.ts';
import { RunwareClient } from '../../ui/runware/client.ts';
import { client, fail, ok, ScriptedTransport, type Tasks } from '../helpers/scriptedClient.ts';

const ids = ['a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000003'];
const tasks = (n: number) =>
  buildInferenceTasks(
    { model: 'sourceful:1@2', prompt: 'teal', preset: findPreset(1024, 1024)!, references: ['r'], outputFormat: 'PNG', outputQuality: 95, checkContent: false },
    ids.slice(0, n),
  );
const ack = (list: Tasks) => ok(list.map((t) => ({ taskType: 'imageInference', taskUUID: t.taskUUID })));
const image = (taskUUID: string) => ({
  taskType: 'imageInference',
  taskUUID,
  imageUUID: `img-${taskUUID.slice(-1)}`,
  imageBase64Data: 'iVBORw0KGgo=',
  status: 'success',
  cost: 0.077,
});

describe('RunwareClient.submit: one click, at most one charge', () => {
  it('accepts every task Runware acknowledged, in one request', async () => {
    const { c, transport } = client((list) => ack(list));
    const out = await c.submit(tasks(3));
    expect([...out.values()]).toEqual([{ accepted: true }, { accepted: true }, { accepted: true }]);
    expect(transport.calls).toHaveLength(1);
  });

  it('resubmits only the task Runware refused with 429, under the same taskUUID', async () => {
    const { c, transport, sleeps } = client((list, n) =>
      n === 0 ? ok([{ taskType: 'imageInference', taskUUID: ids[0] }], [{ code: 'rateLimitExceeded', message: '', taskUUID: ids[1]! }], 200) : ack(list),
    );
    const out = await c.submit(tasks(2));
    expect(out.get(ids[1]!)).toEqual({ accepted: true });
    expect(transport.calls[1]!.map((t) => t.taskUUID)).toEqual([ids[1]]);
    expect(sleeps).toHaveLength(1);
  });

  it('counts a duplicateTaskUUID answer as accepted: an earlier attempt got through', async () => {
    const { c } = client(() => fail(400, 'duplicateTaskUUID', ids[0]));
    expect(await c.submit(tasks(1))).toEqual(new Map([[ids[0], { accepted: true }]]));
  });

  it('after a 500, asks getResponse: known → accepted, no resubmit', async () => {
    const { c, transport } = client((list, n) =>
      n === 0 ? fail(500, 'internalServerError') : ok(list.map((t) => ({ taskType: 'imageInference', taskUUID: t.taskUUID, status: 'processing' }))),
    );
    expect((await c.submit(tasks(1))).get(ids[0]!)).toEqual({ accepted: true });
    expect(transport.calls.map((l) => l[0]!.taskType)).toEqual(['imageInference', 'getResponse']);
  });

  it('after a time-out, getResponse says not found (taskFailedOrNotFound) → resubmitted once, same taskUUID', async () => {
    const { c, transport } = client((list, n) =>
      n === 0 ? new RunwareError({ kind: 'timeout' }) : n === 1 ? fail(404, 'taskFailedOrNotFound', ids[0]) : ack(list),
    );
    expect((await c.submit(tasks(1))).get(ids[0]!)).toEqual({ accepted: true });
    expect(transport.calls.map((l) => [l[0]!.taskType, l[0]!.taskUUID])).toEqual([
      ['imageInference', ids[0]],
      ['getResponse', ids[0]],
      ['imageInference', ids[0]],
    ]);
  });

  it('when neither the submit nor getResponse can tell, the task is unknown (kept pending, never resent)', async () => {
    const { c, transport } = client(() => new RunwareError({ kind: 'network', host: 'api.runware.ai' }));
    const out = await c.submit(tasks(1));
    expect(out.get(ids[0]!)).toMatchObject({ accepted: 'unknown' });
    expect(transport.calls.filter((l) => l[0]!.taskType === 'imageInference')).toHaveLength(1);
  });

  it('stops on a refusal a retry cannot fix (402), for every task of the request', async () => {
    const { c, transport } = client(() => fail(402, 'insufficientCredits'));
    const out = await c.submit(tasks(2));
    expect([...out.values()].map((o) => o.accepted === false && o.cause.failure.kind)).toEqual(['credits', 'credits']);
    expect(transport.calls).toHaveLength(1);
  });

  it('gives up after three resubmits of a 429 that does not clear', async () => {
    const { c, transport } = client(() => fail(429, 'rateLimitExceeded'));
    const out = await c.submit(tasks(1));
    expect(out.get(ids[0]!)).toMatchObject({ accepted: false });
    expect(transport.calls).toHaveLength(4);
  });

  it('treats an unreadable answer to a submit as ambiguous: checked, not resent blindly', async () => {
    const { c, transport } = client((list, n) =>
      n === 0 ? new RunwareError({ kind: 'malformed', status: 200 }) : ok(list.map((t) => ({ taskUUID: t.taskUUID, status: 'processing' }))),
    );
    expect((await c.submit(tasks(1))).get(ids[0]!)).toEqual({ accepted: true });
    expect(transport.calls).toHaveLength(2);
  });

  it('a 4xx whose errors belong to other tasks is read by its status, not as "could not read"', async () => {
    const { c } = client(() => ({ status: 401, data: [], errors: [{ code: 'whatever', message: '', taskUUID: 'someone-else' }] }));
    const out = await c.submit(tasks(1));
    expect(out.get(ids[0]!)).toMatchObject({ accepted: false, cause: { failure: { kind: 'auth' } } });
  });
});

describe('RunwareClient.poll', () => {
  const collect = () => {
    const results: ImageResult[] = [];
    const failed: [string, string][] = [];
    return {
      results,
      failed,
      handlers: {
        onResult: async (r: ImageResult) => void results.push(r),
        onTaskFailed: async (id: string, e: RunwareError) => void failed.push([id, e.failure.kind]),
      },
    };
  };

  it('polls every 750 ms in one request for all open tasks, and drops each task once it has its image', async () => {
    const { c, transport, sleeps } = client((list, n) =>
      ok(list.map((t) => (n >= 2 || t.taskUUID === ids[0] ? image(t.taskUUID as string) : { taskUUID: t.taskUUID, status: 'processing' }))),
    );
    const h = collect();
    await c.poll(ids.slice(0, 3), h.handlers);
    expect(h.results.map((r) => r.taskUUID)).toEqual([ids[0], ids[1], ids[2]]);
    // The finished task is not asked for again, so its image never comes twice.
    expect(transport.calls.map((l) => l.length)).toEqual([3, 2, 2]);
    expect(sleeps).toEqual([750, 750, 750]);
  });

  it('a generation with status "error" ends that task alone; the others are still placed', async () => {
    const { c } = client((list) =>
      ok(
        list.map((t) =>
          t.taskUUID === ids[1]
            ? { taskType: 'imageInference', taskUUID: ids[1], status: 'error', error: { code: 'providerError', message: 'The provider failed' } }
            : image(t.taskUUID as string),
        ),
      ),
    );
    const h = collect();
    await c.poll(ids.slice(0, 2), h.handlers);
    expect(h.results.map((r) => r.taskUUID)).toEqual([ids[0]]);
    expect(h.failed).toEqual([[ids[1], 'provider']]);
  });

  it('errors[] next to finished images in data[]: the images are handed over, the error ends its own task', async () => {
    const { c } = client(() => ok([image(ids[0]!)], [{ code: 'providerError', message: 'failed', taskUUID: ids[1]! }]));
    const h = collect();
    await c.poll(ids.slice(0, 2), h.handlers);
    expect(h.results.map((r) => r.taskUUID)).toEqual([ids[0]]);
    expect(h.failed).toEqual([[ids[1], 'provider']]);
  });

  it('keeps polling through passing failures, and throws a refusal at once', async () => {
    const flaky = client((list, n) => (n < 2 ? new RunwareError({ kind: 'server', status: 500 }) : ok(list.map((t) => image(t.taskUUID as string)))));
    const h = collect();
    await flaky.c.poll([ids[0]!], h.handlers);
    expect(h.results).toHaveLength(1);
    const refused = client(() => fail(401, 'invalidApiKey'));
    await expect(refused.c.poll([ids[0]!], collect().handlers)).rejects.toMatchObject({ failure: { kind: 'auth' } });
  });

  it('gives up with a time-out after the limit (the run stays pending), having backed off after 3 minutes', async () => {
    const { c, sleeps } = client((list) => ok(list.map((t) => ({ taskUUID: t.taskUUID, status: 'processing' }))), {
      timing: { requestTimeoutMs: 1000, pollLimitMs: 400_000, pollScale: 1 },
    });
    await expect(c.poll([ids[0]!], collect().handlers)).rejects.toMatchObject({ failure: { kind: 'timeout' } });
    expect(new Set(sleeps)).toEqual(new Set([750, 2000, 5000]));
  });
});

describe('RunwareClient transport fallback', () => {
  it('moves to WebSocket when the browser refuses REST, resends only idempotent calls, and reports it', async () => {
    const rest = new ScriptedTransport('rest', () => new RunwareError({ kind: 'network', host: 'api.runware.ai' }));
    const ws = new ScriptedTransport('ws', (list) => ack(list));
    const switched: string[] = [];
    const c = new RunwareClient({
      transports: [rest, ws],
      timing: { requestTimeoutMs: 1000, pollLimitMs: 1000, pollScale: 1 },
      onTransport: (n) => switched.push(n),
    });
    const env = await c.call([{ taskType: 'getResponse', taskUUID: ids[0] }]);
    expect(env.data).toHaveLength(1);
    expect(switched).toEqual(['ws']);
    expect(c.transportName).toBe('ws');
  });
});
