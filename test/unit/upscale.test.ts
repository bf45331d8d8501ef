import { describe, expect, it } from 'vitest';
import type { ReplyValue, RequestBody, RequestType } from '../../core/protocol/requests.ts';
import type { SelectedNode } from '../../core/protocol/shared.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { upscaleFactors, upscaleInput } from '../../core/upscalePlan.ts';
import { RunFailed } from '../../ui/run/runFailed.ts';
import type { RunHost } from '../../ui/run/runHost.ts';
import { runUpscale } from '../../ui/run/runUpscale.ts';
import { client, fail, ok, type Tasks } from '../helpers/scriptedClient.ts';

describe('upscale plan', () => {
  it('starts from a result’s own image, or from the upload Runware keeps (≤ 2048 px) for a composite', () => {
    expect(upscaleInput({ imageUUID: 'i', width: 2304, height: 1728 })).toEqual({ width: 2304, height: 1728 });
    expect(upscaleInput({ width: 2304, height: 1728 })).toEqual({ width: 2048, height: 1536 });
    expect(upscaleInput({ width: 1200, height: 900 })).toEqual({ width: 1200, height: 900 });
    expect(upscaleFactors({ imageUUID: 'i', width: 2304, height: 1728 })).toEqual([]);
    expect(upscaleFactors({ width: 2304, height: 1728 })).toEqual([2]);
    expect(upscaleFactors({ width: 1200, height: 900 })).toEqual([2, 3]);
  });
});

/** The main thread played in memory: the composite's bytes, or its cached upload once a test says so. */
function host(options: { cached?: string } = {}) {
  const log: string[] = [];
  const saved: PendingRun[] = [];
  const h: RunHost = {
    async request<K extends RequestType>(sent: RequestBody<K>): Promise<ReplyValue<K>> {
      const body = sent as unknown as RequestBody<RequestType>;
      log.push(body.type === 'result-image' ? `result-image${(body as RequestBody<'result-image'>).skipCache ? ' (fresh)' : ''}` : body.type);
      if (body.type === 'pending-save') saved.push((body as RequestBody<'pending-save'>).run);
      if (body.type === 'result-image') {
        const cached = options.cached && !(body as RequestBody<'result-image'>).skipCache ? { cachedUUID: options.cached } : { bytes: new Uint8Array([1, 2]) };
        return { nodeId: '1:9', hash: 'h', mime: 'image/png', ...cached } as ReplyValue<K>;
      }
      if (body.type === 'place-result') return { nodeId: 'n-1' } as ReplyValue<K>;
      return {} as ReplyValue<K>;
    },
    send: (m) => void log.push(m.type),
    exportReferences: async () => [],
    loadResultImage: async () => ({ bytes: new Uint8Array([9]), width: 1, height: 1 }),
    cutTiles: () => {
      throw new Error('an upscale is not tiled');
    },
    composeResult: async () => {
      throw new Error('an upscale is not composited');
    },
  };
  return { h, log, saved };
}

const composite: SelectedNode = { id: '1:9', name: 'Price tag — Riverflow 1', width: 1200, height: 900, result: { width: 1200, height: 900, liveText: true } };
const upscaled = (taskUUID: unknown) => ({ taskType: 'imageUpscale', taskUUID, imageUUID: 'up-1', imageBase64Data: 'AA==', cost: 0.0038 });
const signal = () => new AbortController().signal;
const upscaleInputs = (calls: Tasks[]) =>
  calls
    .flat()
    .filter((t) => t.taskType === 'upscale')
    .map((t) => (t.inputs as { image: string }).image);

describe('runUpscale of a composite (made in the plugin)', () => {
  it('uploads its image first, upscales the upload, and asks for its live text on the upscaled frame', async () => {
    const { h, log, saved } = host();
    const { c, transport } = client((list) => {
      if (list[0]?.taskType === 'imageUpload') return ok([{ taskType: 'imageUpload', taskUUID: list[0].taskUUID, imageUUID: 'upload-1' }]);
      if (list[0]?.taskType === 'upscale') return ok([{ taskType: 'imageUpscale', taskUUID: list[0].taskUUID }]);
      return ok(list.map((t) => upscaled(t.taskUUID)));
    });
    const outcome = await runUpscale(h, c, composite, 2, () => {}, signal());
    expect(outcome.placed).toBe(1);
    expect(upscaleInputs(transport.calls)).toEqual(['upload-1']);
    expect(saved[0]).toMatchObject({ width: 2400, height: 1800, upscale: { factor: 2, textFrom: '1:9' } });
    // The upload is remembered by content hash before anything is charged.
    expect(log.indexOf('remember-upload')).toBeLessThan(log.indexOf('pending-save'));
  });

  it('a cached upload Runware has forgotten is uploaded afresh, once, and the same task submitted again', async () => {
    const { h, log } = host({ cached: 'old-upload' });
    const { c, transport } = client((list) => {
      if (list[0]?.taskType === 'imageUpload') return ok([{ taskType: 'imageUpload', taskUUID: list[0].taskUUID, imageUUID: 'new-upload' }]);
      if (list[0]?.taskType === 'upscale') {
        const image = (list[0].inputs as { image: string }).image;
        return image === 'old-upload' ? fail(400, 'mediaNotFound', list[0].taskUUID as string) : ok([{ taskType: 'imageUpscale', taskUUID: list[0].taskUUID }]);
      }
      return ok(list.map((t) => upscaled(t.taskUUID)));
    });
    const outcome = await runUpscale(h, c, composite, 2, () => {}, signal());
    expect(outcome.placed).toBe(1);
    expect(upscaleInputs(transport.calls)).toEqual(['old-upload', 'new-upload']);
    expect(log.filter((l) => l.startsWith('result-image'))).toEqual(['result-image', 'result-image (fresh)']);
  });

  it('an upload Runware refuses: nothing was charged, and nothing is left pending', async () => {
    const { h, saved } = host();
    const { c } = client(() => fail(400, 'invalidImage'));
    const e = await runUpscale(h, c, composite, 2, () => {}, signal()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RunFailed);
    expect((e as RunFailed).message).toMatch(/Nothing was charged\.$/);
    expect(saved).toEqual([]);
  });
});
