import { describe, expect, it } from 'vitest';
import { apiKeyProblem, scrubSecret } from '../../core/runware/apiKey.ts';
import { pollDelayMs, retryDelayMs } from '../../core/runware/backoff.ts';
import { classifyApiError, retryPolicy, userMessage } from '../../core/runware/failures.ts';
import { validateInference } from '../../dev/emulator/contract.ts';

describe('classifyApiError', () => {
  it.each([
    [401, 'invalidApiKey', 'auth'],
    [400, 'invalidApiKey', 'auth'],
    [402, 'insufficientCredits', 'credits'],
    [0, 'insufficientCredits', 'credits'],
    [403, 'forbidden', 'forbidden'],
    [429, 'rateLimitExceeded', 'rateLimited'],
    [503, 'serviceUnavailable', 'busy'],
    [500, 'internalServerError', 'server'],
    [0, 'internalServerError', 'server'],
    [504, 'timeoutProvider', 'queueTimeout'],
    [400, 'invalidWidth', 'invalidParameter'],
    [400, 'mediaNotFound', 'unknownReference'],
    [404, 'taskNotFound', 'taskNotFound'],
    [404, 'taskFailedOrNotFound', 'taskNotFound'],
    [400, 'mediaExpired', 'unknownReference'],
    // A WebSocket answer has no HTTP status: the code alone must say it is the key.
    [0, 'invalidApiKey', 'auth'],
    // Errors that name no known code still read by their status, never as unreadable.
    [401, 'http401', 'auth'],
    [402, 'http402', 'credits'],
    [429, 'http429', 'rateLimited'],
    // Runware's own SDK catalogue (runware-typescript src/errors.ts): read by code, whatever the status.
    [400, 'nsfwContentDetected', 'safety'],
    [400, 'contentPolicyViolation', 'safety'],
    [400, 'providerContentPolicyViolation', 'safety'],
    [500, 'sensitiveContentDetected', 'safety'],
    [400, 'unsafeContentDetected', 'safety'],
    [400, 'promptBlocked', 'safety'],
    [400, 'imageBlocked', 'safety'],
    [500, 'moderationFailed', 'safety'],
    [400, 'modelDisabled', 'modelUnavailable'],
    [503, 'modelUnavailable', 'modelUnavailable'],
    [0, 'modelNotReady', 'modelUnavailable'],
    [400, 'unknownModel', 'modelUnavailable'],
    [400, 'quotaExceeded', 'credits'],
    [400, 'paymentRequired', 'credits'],
    [400, 'unauthorized', 'auth'],
    [0, 'tokenExpired', 'auth'],
    [0, 'accountSuspended', 'auth'],
    [0, 'invalidCredentials', 'auth'],
    [500, 'inferenceError', 'provider'],
    [500, 'providerError', 'provider'],
    [0, 'processingFailed', 'provider'],
    [0, 'taskFailed', 'provider'],
    [500, 'noAvailableServer', 'busy'],
    [0, 'unknownError', 'server'],
    [0, 'unknownParameter', 'invalidParameter'],
    [0, 'incompatibleParameters', 'invalidParameter'],
    [0, 'transparentModelMismatch', 'invalidParameter'],
    [0, 'missingPositivePrompt', 'invalidParameter'],
    [0, 'unsupportedDimensions', 'invalidParameter'],
  ])('HTTP %i with %s is %s', (status, code, kind) => {
    expect(classifyApiError(status, { code, message: '' }).kind).toBe(kind);
  });

  it('names the parameter Runware rejected', () => {
    const f = classifyApiError(400, { code: 'invalidOutputQuality', message: 'must be an integer from 20 to 99', parameter: 'outputQuality' });
    expect(userMessage(f)).toBe('Runware rejected the request: “outputQuality” is not valid (must be an integer from 20 to 99).');
  });

  it('says which choice to change when Runware refuses a model’s size or reference count (the emulator’s own refusals)', () => {
    const task = { taskType: 'imageInference', taskUUID: '0b6c3c3e-8c1d-4e4f-9a0b-1c2d3e4f5a6b', positivePrompt: 'Deep indigo', width: 4096, height: 4096 };
    const refs = (n: number) => ({ referenceImages: Array(n).fill('data:image/png;base64,AAAA') });
    const size = validateInference({ ...task, model: 'sourceful:riverflow-2.0@fast', inputs: refs(1) })!;
    expect(userMessage(classifyApiError(400, size))).toBe(
      'Runware does not take this size for the chosen model (4096x4096 is not a supported size for sourceful:riverflow-2.0@fast): choose another Size or Model.',
    );
    const many = validateInference({ ...task, width: 1024, height: 1024, model: 'sourceful:riverflow-2.0@fast', inputs: refs(5) })!;
    expect(userMessage(classifyApiError(400, many))).toMatch(
      /^Runware took fewer references for the chosen model \(.*1 to 4 images.*\): send fewer frames, or choose another Model\.$/,
    );
  });
});

describe('retry policy: one click, at most one charge', () => {
  it('resubmits only what Runware said it did not accept', () => {
    expect(retryPolicy('rateLimited')).toBe('resubmit');
    expect(retryPolicy('busy')).toBe('resubmit');
  });
  it('checks getResponse first when the task may have been accepted', () => {
    for (const k of ['server', 'provider', 'queueTimeout', 'timeout', 'network'] as const) expect(retryPolicy(k)).toBe('check');
  });
  it('stops on what a retry cannot fix', () => {
    for (const k of ['auth', 'credits', 'forbidden', 'invalidParameter', 'safety', 'modelUnavailable', 'malformed', 'badImage'] as const)
      expect(retryPolicy(k)).toBe('stop');
  });
});

describe('user messages', () => {
  it('name the chosen model when Runware has it switched off or the key may not use it', () => {
    expect(userMessage({ ...classifyApiError(400, { code: 'modelDisabled', message: '' }), model: 'sourceful:1@2' })).toBe(
      'Riverflow 1.1 Pro is not available on Runware right now (modelDisabled): choose another Model.',
    );
    expect(userMessage({ ...classifyApiError(403, { code: 'forbidden', message: '' }), model: 'sourceful:riverflow-2.0@pro' })).toBe(
      'Your Runware key is not allowed to use Riverflow 2.0 Pro. Check the key’s permissions at my.runware.ai.',
    );
  });
  it('read every safety code as a safety refusal, never as a server error', () => {
    expect(userMessage(classifyApiError(500, { code: 'providerContentPolicyViolation', message: 'blocked' }))).toBe(
      'Runware’s safety check refused this prompt or image (providerContentPolicyViolation). Reword the prompt, or send another frame.',
    );
  });

  it('say what to do, in plain words', () => {
    expect(userMessage({ kind: 'auth' })).toMatch(/did not accept your API key/);
    expect(userMessage({ kind: 'credits' })).toMatch(/out of credits/);
    expect(userMessage({ kind: 'rateLimited' })).toBe('Runware is limiting requests right now. Wait a minute and try again.');
    expect(userMessage({ kind: 'network', host: 'api.runware.ai' })).toBe(
      'Could not reach api.runware.ai. Check your internet connection, or whether a firewall or VPN blocks it.',
    );
  });
});

describe('API key checks', () => {
  it('catches what is obviously not a key', () => {
    expect(apiKeyProblem('')).toMatch(/Enter/);
    expect(apiKeyProblem('abc def ghi jkl mno pqr stu')).toMatch(/spaces/);
    expect(apiKeyProblem('short123')).toMatch(/too short/);
    expect(apiKeyProblem('key:with/odd#chars-0123456789')).toMatch(/letters and digits/);
    expect(apiKeyProblem('AbCdEf0123456789AbCdEf0123456789')).toBeUndefined();
  });
  it('scrubs the key out of any text', () => {
    expect(scrubSecret('Invalid key AbCdEf0123456789 given; AbCdEf0123456789!', 'AbCdEf0123456789')).toBe('Invalid key ••• given; •••!');
  });
});

describe('backoff', () => {
  it('polls every 750 ms while Riverflow is likely to finish (3 min), then backs off to 2 s and 5 s', () => {
    expect([0, 5_000, 120_000, 179_999].map(pollDelayMs)).toEqual([750, 750, 750, 750]);
    expect([180_000, 299_999].map(pollDelayMs)).toEqual([2000, 2000]);
    expect([300_000, 3_600_000].map(pollDelayMs)).toEqual([5000, 5000]);
  });
  it('resubmits with jittered, growing delays', () => {
    expect(retryDelayMs(0, () => 0)).toBe(250);
    expect(retryDelayMs(0, () => 1)).toBe(500);
    expect(retryDelayMs(3, () => 1)).toBe(4000);
    expect(retryDelayMs(10, () => 1)).toBe(8000);
  });
});
