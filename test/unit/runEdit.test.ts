import { describe, expect, it } from 'vitest';
import type { ReplyValue, RequestBody, RequestType } from '../../core/protocol/requests.ts';
import type { CompositeParts } from '../../core/protocol/composite.ts';
import type { Reference } from '../../core/protocol/shared.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { DEFAULT_SETTINGS } from '../../core/records/settings.ts';
import { RunwareError } from '../../core/runware/failures.ts';
import { findPreset } from '../../core/sizes.ts';
import { collectResults, NOT_FOUND_GRACE_MS } from '../../ui/run/collectResults.ts';
import { runEdit } from '../../ui/run/runEdit.ts';
import { CANCELLED_KEPT, CANCELLED_MAYBE, RunFailed } from '../../ui/run/runFailed.ts';
import type { RunHost } from '../../ui/run/runHost.ts';
import { client, fail, ok, type Script, type Tasks } from '../helpers/scriptedClient.ts';

/**
 * The run itself (export → upload → pending → submit → poll → place), with the main thread,
 * Runware and the decoder all played in memory: every branch of keep / remove / resubmit.
 */
const PARTS: CompositeParts = {
  reference: { nodeId: '1:1', hash: 'h-crop', mime: 'image/png', bytes: new Uint8Array([4, 4]) },
  frameName: 'Pack shot',
  size: { width: 1200, height: 900 },
  crop: { x: 300, y: 200, width: 600, height: 450 },
  scale: 1.92,
  area: { x: 400, y: 280, width: 400, height: 290 },
  base: new Uint8Array([5]),
  overlays: [],
  drawnText: ['Best before'],
};

function fakeHost(options: { placeFails?: boolean; partsFail?: boolean; composeFails?: boolean } = {}) {
  const log: string[] = [];
  const pending = new Map<string, PendingRun>();
  const placed: string[] = [];
  const bodies: RequestBody<'place-result'>[] = [];
  const composed: { parts: CompositeParts; feather: number }[] = [];
  const host: RunHost = {
    async request<K extends RequestType>(body: RequestBody<K>): Promise<ReplyValue<K>> {
      log.push(body.type);
      if (body.type === 'pending-save') {
        const run = (body as unknown as RequestBody<'pending-save'>).run;
        pending.set(run.runId, run);
      } else if (body.type === 'pending-remove') pending.delete((body as unknown as RequestBody<'pending-remove'>).runId);
      else if (body.type === 'place-result') {
        if (options.placeFails) throw new Error('Figma could not place the image: Image is too large');
        placed.push((body as unknown as RequestBody<'place-result'>).taskUUID);
        bodies.push(body as unknown as RequestBody<'place-result'>);
        return { nodeId: `node-${placed.length}` } as ReplyValue<K>;
      } else if (body.type === 'prepare-composite') {
        if (options.partsFail) throw new Error('The frame was deleted. Select it again.');
        return PARTS as ReplyValue<K>;
      }
      return {} as ReplyValue<K>;
    },
    send: (m) => void log.push(m.type),
    async exportReferences(nodeIds, _max, skipCache): Promise<Reference[]> {
      log.push(skipCache ? 'export-fresh' : 'export');
      return nodeIds.map((nodeId) => ({ nodeId, hash: `h-${nodeId}`, mime: 'image/png', bytes: new Uint8Array([1, 2, 3]) }));
    },
    loadResultImage: async () => ({ bytes: new Uint8Array([9]), width: 1, height: 1 }),
    cutTiles: () => {
      throw new Error('these runs are 1K: nothing is tiled');
    },
    async composeResult(parts, model, feather) {
      if (options.composeFails) throw new Error('the image could not be decoded');
      composed.push({ parts, feather });
      return { bytes: new Uint8Array([7, ...model.bytes!]), width: 2304, height: 1728 };
    },
  };
  return { host, log, pending, placed, bodies, composed };
}

const request = (variations: number) => ({
  prompt: 'Deep indigo',
  preset: findPreset(1152, 864)!,
  nodes: [{ id: '1:1', name: 'Box front', width: 1152, height: 864 }],
  settings: { ...DEFAULT_SETTINGS, numberResults: variations },
});
const inference = (list: Tasks) => list.filter((t) => t.taskType === 'imageInference');
const image = (taskUUID: unknown) => ({
  taskType: 'imageInference',
  taskUUID,
  imageUUID: `img-${String(taskUUID)}`,
  imageBase64Data: 'AA==',
  status: 'success',
  cost: 0.077,
});
/** Runware as it should be: uploads, acknowledgements, then every image on the first poll. */
const runware: Script = (list) => {
  if (list[0]?.taskType === 'imageUpload') return ok([{ taskType: 'imageUpload', taskUUID: list[0].taskUUID, imageUUID: 'u-1' }]);
  if (list[0]?.taskType === 'imageInference') return ok(list.map((t) => ({ taskType: 'imageInference', taskUUID: t.taskUUID })));
  return ok(list.map((t) => image(t.taskUUID)));
};
const signal = () => new AbortController().signal;

describe('runEdit', () => {
  it('writes the run down before submitting, places every variation, then forgets the run', async () => {
    const { host, log, pending, placed } = fakeHost();
    const { c, transport } = client(runware);
    const outcome = await runEdit(host, c, request(3), () => {}, signal());
    expect(outcome).toMatchObject({ placed: 3, failed: [] });
    expect(outcome.cost).toBeCloseTo(0.231, 6);
    expect(placed).toHaveLength(3);
    expect(log.indexOf('pending-save')).toBeLessThan(log.indexOf('place-result'));
    expect(transport.calls.map((l) => l[0]!.taskType)).toEqual(['imageUpload', 'imageInference', 'getResponse']);
    expect(inference(transport.calls[1]!)).toHaveLength(3);
    expect(pending.size).toBe(0);
  });

  it('regression: an upload forgotten for one variation whose fresh upload fails still places the variation Runware took (it was paid for)', async () => {
    const { host, placed } = fakeHost();
    let uploads = 0;
    let first = '';
    const { c } = client((list) => {
      if (list[0]?.taskType === 'imageUpload') {
        // The fresh upload (the second) fails for good.
        if (++uploads > 1) return fail(400, 'invalidImage', String(list[0].taskUUID));
        return runware(list, 0);
      }
      if (list[0]?.taskType === 'imageInference') {
        first ||= String(list[0].taskUUID);
        const data = list.filter((t) => t.taskUUID === first).map((t) => ({ taskType: 'imageInference', taskUUID: t.taskUUID }));
        const errors = list.filter((t) => t.taskUUID !== first).map((t) => ({ code: 'mediaExpired', message: 'Expired', taskUUID: String(t.taskUUID) }));
        return ok(data, errors);
      }
      return runware(list, 0);
    });
    const outcome = await runEdit(host, c, request(2), () => {}, signal());
    expect(placed).toEqual([first]);
    expect(outcome.placed).toBe(1);
    expect(outcome.failed[0]).toMatch(/^1 of 2 variations were not taken by Runware .* and not charged\.$/);
  });

  it('a refusal (402) for every task: nothing was charged, the run is forgotten', async () => {
    const { host, pending, placed } = fakeHost();
    const { c } = client((list) => (list[0]?.taskType === 'imageInference' ? fail(402, 'insufficientCredits') : runware(list, 0)));
    const e = await runEdit(host, c, request(2), () => {}, signal()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RunFailed);
    expect((e as RunFailed).message).toMatch(/out of credits.*Nothing was charged\.$/);
    expect((e as RunFailed).kept).toBe(false);
    expect([pending.size, placed.length]).toEqual([0, 0]);
  });

  it('no answer and getResponse cannot tell: the run stays pending, never resubmitted', async () => {
    const { host, pending } = fakeHost();
    const { c, transport } = client((list) =>
      list[0]?.taskType === 'imageUpload' ? runware(list, 0) : new RunwareError({ kind: 'network', host: 'api.runware.ai' }),
    );
    const e = (await runEdit(host, c, request(1), () => {}, signal()).catch((x: unknown) => x)) as RunFailed;
    expect(e.kept).toBe(true);
    expect(e.message).toMatch(/placed the next time you open Riverflow\.$/);
    expect(pending.size).toBe(1);
    expect(transport.calls.filter((l) => l[0]?.taskType === 'imageInference')).toHaveLength(1);
  });

  it('one variation refused for good (429 that never clears): the other is placed, and the refusal is said', async () => {
    const { host, placed } = fakeHost();
    let first = '';
    const { c } = client((list) => {
      if (list[0]?.taskType !== 'imageInference') return runware(list, 0);
      first ||= String(list[0].taskUUID);
      const data = list.filter((t) => t.taskUUID === first).map((t) => ({ taskType: 'imageInference', taskUUID: t.taskUUID }));
      const errors = list.filter((t) => t.taskUUID !== first).map((t) => ({ code: 'rateLimitExceeded', message: 'Queue full', taskUUID: String(t.taskUUID) }));
      return ok(data, errors);
    });
    const outcome = await runEdit(host, c, request(2), () => {}, signal());
    expect(outcome.placed).toBe(1);
    expect(placed).toEqual([first]);
    expect(outcome.failed[0]).toMatch(/^1 of 2 variations were not taken by Runware \(Runware is limiting requests.*\) and not charged\.$/);
  });

  it('an upload Runware forgot (mediaExpired): exported afresh, uploaded again once, then submitted', async () => {
    const { host, log } = fakeHost();
    let refused = false;
    const { c } = client((list) => {
      if (list[0]?.taskType === 'imageInference' && !refused) {
        refused = true;
        return fail(400, 'mediaExpired', String(list[0].taskUUID));
      }
      return runware(list, 0);
    });
    const outcome = await runEdit(host, c, request(1), () => {}, signal());
    expect(outcome.placed).toBe(1);
    expect(log.filter((x) => x.startsWith('export'))).toEqual(['export', 'export-fresh']);
    expect(log).toContain('forget-upload');
  });

  it('cancelled while the submit is in flight: kept, and said to be maybe accepted', async () => {
    const { host, pending } = fakeHost();
    const controller = new AbortController();
    const { c } = client((list) => {
      if (list[0]?.taskType === 'imageInference') {
        controller.abort();
        return new RunwareError({ kind: 'cancelled' });
      }
      return runware(list, 0);
    });
    const e = (await runEdit(host, c, request(1), () => {}, controller.signal).catch((x: unknown) => x)) as RunFailed;
    expect([e.kept, e.charged, e.message]).toEqual([true, 'maybe', CANCELLED_MAYBE]);
    expect(pending.size).toBe(1);
  });
});

describe('collectResults', () => {
  const run = (accepted: boolean[]): PendingRun => ({
    runId: 'r',
    fileId: 'f',
    prompt: 'p',
    width: 1024,
    height: 1024,
    sourceNodeIds: ['1:1'],
    createdAt: 0,
    tasks: accepted.map((a, i) => ({ taskUUID: `t${i}`, accepted: a })),
  });

  it('a task Runware never took (not found, never acknowledged) ends quietly: nothing is owed', async () => {
    const { host, placed } = fakeHost();
    const { c } = client((list) =>
      ok(
        list.filter((t) => t.taskUUID === 't0').map((t) => image(t.taskUUID)),
        [{ code: 'taskFailedOrNotFound', message: '', taskUUID: 't1' }],
      ),
    );
    const outcome = await collectResults(host, c, run([true, false]), () => {}, signal(), true);
    expect([outcome.placed, outcome.failed]).toEqual([1, []]);
    expect(placed).toEqual(['t0']);
  });

  it('regression (found by the soak): a task Runware does not know yet, of a young run, keeps the run; of an old run, ends it', async () => {
    const notFound = () => ok([], [{ code: 'taskFailedOrNotFound', message: '', taskUUID: 't0' }]);
    // The plugin closed as the submit left: on reopening, Runware may not have registered it yet.
    const young = fakeHost();
    young.pending.set('r', run([false]));
    await collectResults(young.host, client(notFound).c, run([false]), () => {}, signal(), true);
    expect(young.pending.has('r')).toBe(true);
    const old = fakeHost();
    const stale = { ...run([false]), createdAt: -NOT_FOUND_GRACE_MS - 1 };
    old.pending.set('r', stale);
    const outcome = await collectResults(old.host, client(notFound).c, stale, () => {}, signal(), true);
    expect([outcome.placed, outcome.failed, old.pending.has('r')]).toEqual([0, [], false]);
  });

  it('Figma refusing the only image every time: tried three times at once, then the run is kept with the paid image, for Retry placing or Discard', async () => {
    const { host, pending, log } = fakeHost({ placeFails: true });
    pending.set('r', run([true]));
    const { c } = client((list) => ok(list.map((t) => image(t.taskUUID))));
    const e = (await collectResults(host, c, run([true]), () => {}, signal(), true).catch((x: unknown) => x)) as RunFailed;
    expect(e.message).toBe(
      'Figma could not place the image: Image is too large. It is paid for and kept: Retry placing, or it is placed the next time you open Riverflow.',
    );
    expect(e.charged).toBe('yes');
    expect(e.unplaced?.runId).toBe('r');
    expect(pending.has('r')).toBe(true);
    expect(log.filter((m) => m === 'place-result')).toHaveLength(3);
  });

  it('regression (found by test/sim): a poll refused outright (400) keeps the run, so its paid image is placed at the next open', async () => {
    const { host, pending } = fakeHost();
    pending.set('r', run([true]));
    const { c } = client(() => fail(400, 'invalidParameter'));
    const e = (await collectResults(host, c, run([true]), () => {}, signal()).catch((x: unknown) => x)) as RunFailed;
    expect(e.kept).toBe(true);
    expect(e.message).toMatch(/placed the next time you open Riverflow\.$/);
    expect(pending.has('r')).toBe(true);
  });

  it('gives up after the time limit, keeping the run for the next start', async () => {
    const { host, pending } = fakeHost();
    pending.set('r', run([true]));
    const { c } = client((list) => ok(list.map((t) => ({ taskUUID: t.taskUUID, status: 'processing' }))), {
      timing: { requestTimeoutMs: 1000, pollLimitMs: 10_000, pollScale: 1 },
    });
    const e = (await collectResults(host, c, run([true]), () => {}, signal()).catch((x: unknown) => x)) as RunFailed;
    expect(e.kept).toBe(true);
    expect(e.message).toMatch(/^Runware did not answer in time\. Runware may still finish the task/);
    expect(pending.has('r')).toBe(true);
  });

  describe('composite runs (an area, text kept sharp)', () => {
    const areaRequest = (variations: number) => ({
      ...request(variations),
      nodes: [
        { id: '1:1', name: 'Pack shot', width: 1200, height: 900 },
        { id: '1:9', name: 'Mood', width: 800, height: 800 },
      ],
      composite: { markerId: '1:5', markerName: 'Area', keepTextSharp: true, featherPercent: 4 },
    });

    it('sends the main thread’s crop first, records the composite, places composited images', async () => {
      const { host, log, pending, bodies, composed } = fakeHost();
      const saved: PendingRun[] = [];
      const request0 = host.request.bind(host);
      host.request = (async (body: RequestBody<RequestType>) => {
        if (body.type === 'pending-save') saved.push((body as RequestBody<'pending-save'>).run);
        return request0(body);
      }) as RunHost['request'];
      const { c, transport } = client(runware);
      const outcome = await runEdit(host, c, areaRequest(2), () => {}, signal());
      expect(outcome.placed).toBe(2);
      expect(log.filter((l) => l === 'prepare-composite')).toHaveLength(1);
      // The crop is uploaded; the other frame is exported as usual, after it.
      expect(log.indexOf('prepare-composite')).toBeLessThan(log.indexOf('export'));
      expect(transport.calls.filter((l) => l[0]!.taskType === 'imageUpload')).toHaveLength(2);
      expect(saved[0]!.composite).toEqual({
        frameId: '1:1',
        markerId: '1:5',
        markerName: 'Area',
        keepTextSharp: true,
        featherPercent: 4,
        size: PARTS.size,
        area: PARTS.area,
      });
      expect(composed.map((c) => c.feather)).toEqual([4, 4]);
      expect(bodies.map((b) => [...b.bytes!])).toEqual([
        [7, 9],
        [7, 9],
      ]);
      expect(bodies.every((b) => b.asIs === undefined)).toBe(true);
      expect(outcome.notes).toContain('Drawn into the image, since its font is not available here: “Best before”.');
      expect(pending.size).toBe(0);
    });

    it('says when the frame is past the 16384 px a result can be placed at and the composite was made smaller', async () => {
      const { host } = fakeHost();
      const big = { ...PARTS, scale: 0.68, drawnText: [] };
      const ask = host.request.bind(host);
      host.request = (async (body: RequestBody<RequestType>) => (body.type === 'prepare-composite' ? big : ask(body))) as RunHost['request'];
      const { c } = client(runware);
      const outcome = await runEdit(host, c, areaRequest(1), () => {}, signal());
      expect(outcome.notes).toEqual(['“Pack shot” is larger than the 16384 px a side a result can be placed at, so the result was made at 68% of its size.']);
    });

    const recovered = (): PendingRun => ({
      runId: 'r-1',
      fileId: 'f',
      prompt: 'p',
      width: 1152,
      height: 864,
      sourceNodeIds: ['1:1'],
      createdAt: 0,
      tasks: [
        { taskUUID: 't-1', accepted: true },
        { taskUUID: 't-2', accepted: true },
      ],
      composite: { frameId: '1:1', markerId: '1:5', keepTextSharp: false, featherPercent: 3, size: PARTS.size },
    });

    it('a recovered run asks for the parts once and composites every result', async () => {
      const { host, log, bodies } = fakeHost();
      const { c } = client((list) => ok(list.map((t) => image(t.taskUUID))));
      const outcome = await collectResults(host, c, recovered(), () => {}, signal(), true);
      expect(outcome.placed).toBe(2);
      expect(log.filter((l) => l === 'prepare-composite')).toHaveLength(1);
      expect(bodies.map((b) => b.bytes![0])).toEqual([7, 7]);
    });

    it('a paid result whose frame is gone is placed as Riverflow made it, and the panel says so', async () => {
      const { host, bodies } = fakeHost({ partsFail: true });
      const { c } = client((list) => ok(list.map((t) => image(t.taskUUID))));
      const outcome = await collectResults(host, c, recovered(), () => {}, signal(), true);
      expect(outcome.placed).toBe(2);
      expect(bodies.map((b) => [b.asIs, [...b.bytes!]])).toEqual([
        [true, [9]],
        [true, [9]],
      ]);
      expect(outcome.notes).toEqual([
        'The frame could not be composited any more (The frame was deleted. Select it again.), so results were placed as Riverflow made them.',
      ]);
    });

    it('an image that cannot be composited is still placed', async () => {
      const { host, bodies } = fakeHost({ composeFails: true });
      const { c } = client((list) => ok(list.map((t) => image(t.taskUUID))));
      const outcome = await collectResults(host, c, recovered(), () => {}, signal(), true);
      expect(bodies.map((b) => b.asIs)).toEqual([true, true]);
      // The parts' own note first (asked again after the reopen), then each image that could not be laid over.
      expect(outcome.notes?.[0]).toBe('Drawn into the image, since its font is not available here: “Best before”.');
      expect(outcome.notes?.[1]).toMatch(
        /^Variation \d: could not be laid over the frame \(the image could not be decoded\), so it was placed as Riverflow made it\.$/,
      );
    });
  });
});

describe('endState: the one reducer from a run’s end to the panel', () => {
  it('says what was placed, what was left out and the cost; a failure with what it cost; a cancel with what it meant', async () => {
    const { endState } = await import('../../ui/run/runEnd.ts');
    expect(endState({ placed: 'Placed 2 images beside “Box”.', outcome: { flagged: 0, failed: [], notes: [], cost: 0.154 } })).toEqual({
      status: 'done',
      message: 'Placed 2 images beside “Box”. Cost $0.154.',
    });
    expect(
      endState({ placed: 'Placed 1 image beside “Box”.', outcome: { flagged: 1, failed: ['Variation 2: Runware had a server error.'], cost: 0.154 } }),
    ).toEqual({
      status: 'error',
      message: 'Placed 1 image beside “Box”. 1 result flagged by the safety check was not placed. Variation 2: Runware had a server error. Cost $0.154.',
    });
    const refused = new RunFailed('Runware did not accept your API key.', { charged: 'no', cause: new RunwareError({ kind: 'auth' }) });
    expect(endState({ failure: refused, cancelled: false })).toEqual({
      status: 'error',
      message: 'Runware did not accept your API key. Nothing was charged.',
      keyRefused: true,
    });
    const waiting = new RunFailed('Cancelled.', { charged: 'yes', kept: true, placed: 1 });
    expect(endState({ failure: waiting, cancelled: true })).toEqual({ status: 'done', message: CANCELLED_KEPT });
  });
});
