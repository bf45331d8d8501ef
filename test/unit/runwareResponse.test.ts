import { describe, expect, it } from 'vitest';
import { parseBody, readTaskProgress, readUploadedUuid, requestError } from '../../core/runware/response.ts';

const T = '592996f9-2bea-4e3a-b050-df6e7953947d';
const envelope = (status: number, body: unknown) => {
  const p = parseBody(status, JSON.stringify(body));
  if (!p.ok) throw new Error(p.reason);
  return p.envelope;
};

describe('parseBody', () => {
  it('reads the model page’s example response inside data[]', () => {
    const e = envelope(200, {
      data: [
        {
          taskType: 'imageInference',
          taskUUID: T,
          imageUUID: '8c80a2f6-f34a-4d64-a42d-4d07e74e76a0',
          imageURL: 'https://im.runware.ai/image/x.jpg',
          seed: 681039384,
          cost: 0.077,
        },
      ],
    });
    const p = readTaskProgress(e, T);
    expect(p.results).toEqual([
      {
        taskUUID: T,
        imageUUID: '8c80a2f6-f34a-4d64-a42d-4d07e74e76a0',
        source: { kind: 'url', value: 'https://im.runware.ai/image/x.jpg' },
        seed: 681039384,
        cost: 0.077,
        nsfw: false,
      },
    ]);
    expect(p.processing).toBe(false);
  });

  it('reads errors[] with code, message, parameter (string or list) and taskUUID', () => {
    const e = envelope(400, { errors: [{ code: 'invalidWidth', message: 'bad', parameter: ['width', 'height'], taskUUID: T }] });
    expect(e.errors).toEqual([{ code: 'invalidWidth', message: 'bad', parameter: 'width, height', taskUUID: T }]);
  });

  it('reads the older single error{} shape', () => {
    expect(envelope(401, { error: { code: 'invalidApiKey', message: 'no' } }).errors[0]).toMatchObject({ code: 'invalidApiKey' });
  });

  it('reads the shape Runware answers before a task starts: {error: {code, message, taskType}, taskUUID}, the task named', () => {
    const T = '0b6c3c3e-8c1d-4e4f-9a0b-1c2d3e4f5a6b';
    expect(envelope(400, { error: { code: 'modelDisabled', message: 'Model is disabled', taskType: 'imageInference' }, taskUUID: T }).errors).toEqual([
      { code: 'modelDisabled', message: 'Model is disabled', taskUUID: T },
    ]);
  });
  it('reads data given as one object (seen in an upload example)', () => {
    const e = envelope(200, { data: { taskType: 'imageUpload', taskUUID: T, imageUUID: 'u-1' } });
    expect(readUploadedUuid(e, T)).toBe('u-1');
  });

  it('refuses bodies that are not JSON, empty, or not an envelope', () => {
    expect(parseBody(502, '<html>Bad gateway</html>')).toEqual({ ok: false, status: 502, reason: 'not JSON' });
    expect(parseBody(200, '')).toMatchObject({ ok: false, reason: 'empty body' });
    expect(parseBody(200, '[1,2]')).toMatchObject({ ok: false });
    expect(parseBody(200, '{"result": 1}')).toMatchObject({ ok: false, reason: 'no data or errors' });
    expect(parseBody(200, '{"data": "yes"}')).toMatchObject({ ok: false });
  });
});

describe('readTaskProgress', () => {
  it('reads an upscale answered with media fields (sdk-js: with inputs.image the result carries mediaUUID/mediaURL)', () => {
    const M = '5f3c1e2a-9b7d-4c8e-a1f0-2b3c4d5e6f70';
    const p = readTaskProgress(
      envelope(200, { data: [{ taskType: 'upscale', taskUUID: T, mediaUUID: M, mediaURL: 'https://im.runware.ai/image/x.png', cost: 0.0019 }] }),
      T,
    );
    expect(p.results).toEqual([{ taskUUID: T, imageUUID: M, source: { kind: 'url', value: 'https://im.runware.ai/image/x.png' }, nsfw: false, cost: 0.0019 }]);
    expect(p.processing).toBe(false);
  });
  it('a finished answer it cannot read is unreadable, never polled as if still running', () => {
    const p = readTaskProgress(envelope(200, { data: [{ taskType: 'upscale', taskUUID: T, status: 'success', outputs: ['x'] }] }), T);
    expect(p).toMatchObject({ processing: false, unreadable: 1, results: [] });
  });
  it('treats the async acknowledgement and status processing as still running', () => {
    expect(readTaskProgress(envelope(200, { data: [{ taskType: 'imageInference', taskUUID: T }] }), T).processing).toBe(true);
    expect(readTaskProgress(envelope(200, { data: [{ taskUUID: T, status: 'processing' }] }), T).processing).toBe(true);
    expect(readTaskProgress(envelope(200, { data: [{ taskUUID: T, status: 'pending' }] }), T).processing).toBe(true);
  });

  it('reads each output type and the NSFW flag', () => {
    const p = readTaskProgress(
      envelope(200, {
        data: [
          { taskUUID: T, imageUUID: 'a', imageBase64Data: 'AAAA', status: 'success' },
          { taskUUID: T, imageUUID: 'b', imageDataURI: 'data:image/png;base64,AAAA', NSFWContent: true },
          { taskUUID: 'other', imageUUID: 'c', imageURL: 'https://x' },
        ],
      }),
      T,
    );
    expect(p.results.map((r) => [r.imageUUID, r.source.kind, r.nsfw])).toEqual([
      ['a', 'base64', false],
      ['b', 'dataURI', true],
    ]);
  });

  it('turns a status:error item into an error for the task', () => {
    const p = readTaskProgress(envelope(200, { data: [{ taskUUID: T, status: 'error', error: { code: 'providerError', message: 'boom' } }] }), T);
    expect(p.errors).toEqual([{ code: 'providerError', message: 'boom', taskUUID: T }]);
  });

  it('counts items of the wrong shape as unreadable instead of crashing', () => {
    const p = readTaskProgress(envelope(200, { data: [{ taskUUID: T, imageUUID: 5 }, 'junk', { taskUUID: T, imageUUID: 'x' }] }), T);
    // A numeric imageUUID, a string, and a result with no image at all.
    expect(p.unreadable).toBe(3);
    expect(p.results).toEqual([]);
  });
});

describe('legacy bodies the SDKs still handle', () => {
  it('reads {"error": true, "errorMessage": …} and a single {"error": {…}} as errors', () => {
    const legacy = parseBody(401, '{"error":true,"errorMessage":"Invalid api key"}');
    expect(legacy).toEqual({ ok: true, envelope: { status: 401, data: [], errors: [{ code: 'unknown', message: 'Invalid api key' }] } });
    const single = parseBody(0, '{"error":{"code":"invalidApiKey","message":"Invalid API key","taskType":"authentication"}}');
    expect(single.ok && single.envelope.errors).toEqual([{ code: 'invalidApiKey', message: 'Invalid API key' }]);
  });
});

describe('regression (found by fuzzing): items that are not objects', () => {
  it('a null or a number in data[] is read as nothing, never dereferenced', () => {
    const parsed = parseBody(200, '{"data":[null, 3]}');
    if (!parsed.ok) throw new Error('expected an envelope');
    expect(() => requestError(parsed.envelope, ['t'])).not.toThrow();
    expect(readTaskProgress(parsed.envelope, 't')).toMatchObject({ results: [], unreadable: 2 });
  });
});
