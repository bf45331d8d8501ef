import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { EMULATOR_API_KEY, startEmulator, type Emulator } from '../../dev/emulator/server.ts';
import { uuidV4 } from '../../ui/runware/uuid.ts';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => emu.reset());

const post = async (body: unknown, headers: Record<string, string> = { Authorization: `Bearer ${EMULATOR_API_KEY}` }) => {
  const res = await fetch(emu.url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown>[]; errors?: Record<string, unknown>[] }, headers: res.headers };
};

let reference = '';
beforeAll(async () => {
  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a6' } })
    .png()
    .toBuffer();
  reference = `data:image/png;base64,${png.toString('base64')}`;
});

const task = (over: Record<string, unknown> = {}) => ({
  taskType: 'imageInference',
  taskUUID: uuidV4(),
  model: 'sourceful:1@2',
  positivePrompt: 'Make it teal',
  width: 1152,
  height: 864,
  inputs: { referenceImages: [reference] },
  ...over,
});

describe('the Runware emulator', () => {
  it('authenticates by Bearer header or by a leading authentication task, and refuses a bad key with 401', async () => {
    expect((await post([task()])).status).toBe(200);
    expect((await post([{ taskType: 'authentication', apiKey: EMULATOR_API_KEY }, task()], {})).status).toBe(200);
    const bad = await post([task()], { Authorization: 'Bearer nope' });
    expect(bad.status).toBe(401);
    expect(bad.body.errors?.[0]).toMatchObject({ code: 'invalidApiKey', parameter: 'apiKey' });
    expect((await post([task()], {})).status).toBe(401);
  });

  it('answers sync tasks with real images of exactly the requested size and format, N distinct results, and cost', async () => {
    for (const [format, kind] of [
      ['JPG', 'jpeg'],
      ['PNG', 'png'],
      ['WEBP', 'webp'],
    ] as const) {
      const { body } = await post([task({ width: 648, height: 1512, outputFormat: format, outputType: 'base64Data', numberResults: 3, includeCost: true })]);
      const results = body.data!;
      expect(results).toHaveLength(3);
      expect(new Set(results.map((r) => r.imageUUID)).size).toBe(3);
      expect(new Set(results.map((r) => r.seed)).size).toBe(3);
      for (const r of results) {
        expect(r.cost).toBe(0.077);
        const meta = await sharp(Buffer.from(r.imageBase64Data as string, 'base64')).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual([kind, 648, 1512]);
      }
    }
  });

  it('serves URL results with CORS, and data URIs', async () => {
    const { body } = await post([task({ outputType: 'URL' })]);
    const res = await fetch(body.data![0]!.imageURL as string);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(1152);
    const uri = (await post([task({ outputType: 'dataURI' })])).body.data![0]!.imageDataURI as string;
    expect(uri.startsWith('data:image/jpeg;base64,')).toBe(true);
  });

  it('acknowledges async tasks and delivers through getResponse, processing first when told to', async () => {
    emu.set({ processingPolls: 2 });
    const t = task({ deliveryMethod: 'async' });
    expect((await post([t])).body.data).toEqual([{ taskType: 'imageInference', taskUUID: t.taskUUID }]);
    const poll = () => post([{ taskType: 'getResponse', taskUUID: t.taskUUID }]);
    expect((await poll()).body.data![0]).toMatchObject({ status: 'processing' });
    expect((await poll()).body.data![0]).toMatchObject({ status: 'processing' });
    // Then success, as soon as the image exists (the stand-in renders it for real).
    await expect.poll(async () => (await poll()).body.data![0]).toMatchObject({ status: 'success', taskUUID: t.taskUUID });
    const unknown = await post([{ taskType: 'getResponse', taskUUID: uuidV4() }]);
    // The SDKs' code for a taskUUID Runware has no result for (never had, or the task failed).
    expect(unknown.body.errors![0]).toMatchObject({ code: 'taskFailedOrNotFound', taskUUID: expect.any(String) });
  });

  it('stores uploads and accepts their imageUUID as a reference; an unknown UUID is mediaNotFound', async () => {
    const up = await post([{ taskType: 'imageUpload', taskUUID: uuidV4(), image: reference }]);
    const imageUUID = up.body.data![0]!.imageUUID as string;
    expect((await post([task({ inputs: { referenceImages: [imageUUID] } })])).status).toBe(200);
    const missing = await post([task({ inputs: { referenceImages: [uuidV4()] } })]);
    expect([missing.status, missing.body.errors![0]!.code, missing.body.errors![0]!.parameter]).toEqual([400, 'mediaNotFound', 'inputs.referenceImages']);
    const junk = await post([{ taskType: 'imageUpload', taskUUID: uuidV4(), image: 'data:image/png;base64,AAAAAAAA' }]);
    expect(junk.body.errors![0]).toMatchObject({ code: 'invalidImage' });
  });

  it('rejects a reused taskUUID and anything off the contract, in Runware’s error shape', async () => {
    const t = task();
    await post([t]);
    const again = await post([t]);
    expect(again.body.errors![0]).toMatchObject({ code: 'duplicateTaskUUID', taskUUID: t.taskUUID });
    const off = await post([task({ width: 1000, height: 1000 })]);
    expect(off.status).toBe(400);
    expect(off.body.errors![0]).toMatchObject({ code: 'invalidDimensions', parameter: 'width', taskType: 'imageInference' });
    expect((await post({ not: 'an array' })).body.errors![0]).toMatchObject({ code: 'invalidRequestBody' });
  });

  it('counts charges: one per accepted task, none for rejected ones', async () => {
    await post([task({ numberResults: 2 })]);
    await post([task({ outputQuality: 5 })]);
    expect(emu.charges).toEqual([expect.objectContaining({ numberResults: 2, cost: 0.154 })]);
  });

  it('answers CORS preflight for a null-origin caller, and can refuse it', async () => {
    const pre = await fetch(emu.url, { method: 'OPTIONS', headers: { Origin: 'null', 'Access-Control-Request-Method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    emu.set({ cors: false });
    expect((await fetch(emu.url, { method: 'OPTIONS' })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('injects faults: a status with an error code, a raw body, a dropped connection', async () => {
    emu.inject({ on: 'imageInference', status: 503, error: { code: 'serviceUnavailable', message: 'Busy' } });
    const busy = await post([task()]);
    expect([busy.status, busy.body.errors![0]!.code]).toEqual([503, 'serviceUnavailable']);
    emu.inject({ on: 'imageInference', status: 200, body: '<html>oops</html>' });
    const raw = await fetch(emu.url, { method: 'POST', headers: { Authorization: `Bearer ${EMULATOR_API_KEY}` }, body: JSON.stringify([task()]) });
    expect(await raw.text()).toBe('<html>oops</html>');
    emu.inject({ on: 'imageInference', drop: true });
    await expect(post([task()])).rejects.toThrow();
    expect(emu.charges).toHaveLength(0);
  });
});

describe('Riverflow’s reference limits, as the Sourceful provider page gives them', () => {
  const png = async (w: number, h: number) =>
    (
      await sharp({ create: { width: w, height: h, channels: 3, background: '#234' } })
        .png()
        .toBuffer()
    ).toString('base64');
  it('refuses a reference under 300 px a side (inline, or an upload as Runware keeps it: ≤ 2048 px long), and takes 300–2048', async () => {
    const thin = await post([task({ inputs: { referenceImages: [`data:image/png;base64,${await png(2048, 205)}`] } })]);
    expect(thin.status).toBe(400);
    expect(thin.body.errors?.[0]).toMatchObject({ code: 'invalidReferenceImages', parameter: 'inputs.referenceImages' });
    // A 3000×300 upload is kept at 2048×205: too thin once stored.
    const upload = await post([{ taskType: 'imageUpload', taskUUID: uuidV4(), image: `data:image/png;base64,${await png(3000, 300)}` }]);
    const imageUUID = upload.body.data?.[0]?.imageUUID as string;
    expect((await post([task({ inputs: { referenceImages: [imageUUID] } })])).status).toBe(400);
    const wide = await post([task({ inputs: { referenceImages: [`data:image/png;base64,${await png(2048, 303)}`] } })]);
    expect(wide.status).toBe(200);
    expect(emu.charges).toHaveLength(1);
  });
});

describe('the prompt’s published bound (Runware’s SDK docs: positivePrompt 4 to 2000 characters)', () => {
  it('refuses 3 or 2001 characters in Runware’s error shape, and takes 4 and 2000', async () => {
    for (const prompt of ['abc', 'x'.repeat(2001)]) {
      const r = await post([task({ positivePrompt: prompt })]);
      expect(r.status).toBe(400);
      expect(r.body.errors?.[0]).toMatchObject({ code: 'invalidPositivePrompt', parameter: 'positivePrompt' });
    }
    for (const prompt of ['abcd', 'x'.repeat(2000)]) expect((await post([task({ positivePrompt: prompt })])).status).toBe(200);
  });
});
