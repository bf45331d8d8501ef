import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Behaviour, Fault } from '../../dev/emulator/server.ts';
import { KEY, openSession, type Session } from './harness.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();
let s: Session;

const inferenceCalls = () => h.emulator.requests.filter((r) => r.tasks.some((t) => t.taskType === 'imageInference')).length;

/** Runs once with the fault in place; the person sees exactly `message` and the canvas is unchanged. */
async function expectFailure(setup: { fault?: Fault; behaviour?: Partial<Behaviour> }, message: string, charges = 0) {
  if (setup.fault) h.emulator.inject(setup.fault);
  if (setup.behaviour) h.emulator.set(setup.behaviour);
  await s.select('Box front');
  const before = await s.nodeNames();
  await s.generate();
  expect(await s.alertText()).toBe(message);
  expect(await s.nodeNames()).toEqual(before);
  expect(h.emulator.charges).toHaveLength(charges);
  await s.ui.getByRole('button', { name: 'Generate' }).waitFor();
}

async function expectSuccess(setup: { fault?: Fault; behaviour?: Partial<Behaviour> }) {
  if (setup.fault) h.emulator.inject(setup.fault);
  if (setup.behaviour) h.emulator.set(setup.behaviour);
  // Placing selects the results; the source is the base again for the next case.
  await s.select('Box front');
  const before = (await s.nodeNames()).length;
  await s.generate();
  await s.ui.getByText(/^Placed 1 image beside “Box front”/).waitFor({ timeout: 15_000 });
  expect(await s.nodeNames()).toHaveLength(before + 1);
  // One click, at most one charge, whatever happened on the way.
  expect(h.emulator.charges).toHaveLength(1);
}

const ALWAYS = 99;

describe('API failures: a clear message, nothing placed, nothing charged twice', () => {
  // Each case on its own page and emulator state: one failure cannot spread to the next.
  beforeEach(async () => {
    s = await openSession(h);
    await s.useKey();
    await s.select('Box front');
    await s.prompt('Make the box deep indigo');
  });
  afterEach(async () => {
    await s.context.close();
  });

  it('400 names the rejected parameter', async () => {
    await expectFailure(
      { fault: { on: 'imageInference', status: 400, error: { code: 'invalidOutputFormat', message: 'PNG is not allowed', parameter: 'outputFormat' } } },
      'Runware rejected the request: “outputFormat” is not valid (PNG is not allowed). Nothing was charged.',
    );
  });

  it('400 on the size (a model page and Runware disagree) says which choice to change', async () => {
    await expectFailure(
      { fault: { on: 'imageInference', status: 400, error: { code: 'invalidWidth', message: 'Width 1152 is not allowed', parameter: 'width' } } },
      'Runware does not take this size for the chosen model (Width 1152 is not allowed): choose another Size or Model. Nothing was charged.',
    );
  });

  it('scrubs the key out of a server message that echoes it', async () => {
    await expectFailure(
      {
        fault: {
          on: 'imageInference',
          status: 400,
          error: { code: 'invalidPositivePrompt', message: `Prompt rejected for key ${KEY}`, parameter: 'positivePrompt' },
        },
      },
      'Runware refused the prompt (Prompt rejected for key •••): check its wording and length (4 to 2000 characters). Nothing was charged.',
    );
  });

  it('401 says the key was not accepted', async () => {
    await expectFailure(
      { fault: { status: 401, error: { code: 'invalidApiKey', message: 'Invalid API key' } } },
      'Runware did not accept your API key. Check it under API key, or create a new one at my.runware.ai. Nothing was charged.',
    );
  });

  it('402 says the account is out of credits', async () => {
    await expectFailure(
      { fault: { on: 'imageInference', status: 402, error: { code: 'insufficientCredits', message: 'Insufficient credits' } } },
      'Your Runware account is out of credits. Top it up at my.runware.ai, then try again. Nothing was charged.',
    );
  });

  it('403 says the key may not use the model', async () => {
    await expectFailure(
      { fault: { on: 'imageInference', status: 403, error: { code: 'forbidden', message: 'No access' } } },
      'Your Runware key is not allowed to use Riverflow 1.1 Pro. Check the key’s permissions at my.runware.ai. Nothing was charged.',
    );
  });

  it('a model Runware has switched off (answered before the task starts) is named, with another Model to choose, and marked in the select', async () => {
    await expectFailure(
      { behaviour: { unavailableModels: { 'sourceful:1@2': 'modelDisabled' } } },
      'Riverflow 1.1 Pro is not available on Runware right now (modelDisabled): choose another Model. Nothing was charged.',
    );
    const model = s.ui.getByLabel('Model', { exact: true });
    expect(await model.locator('option:checked').textContent()).toBe('Riverflow 1.1 Pro — not available on Runware right now');
    await model.selectOption({ label: 'Riverflow 1.1 — everyday edits at half the price' });
    await s.generate();
    await s.ui.getByText(/^Placed 1 image beside “Box front”/).waitFor({ timeout: 15_000 });
  });

  it('a safety code is a safety refusal, even with a 500', async () => {
    await expectFailure(
      { fault: { on: 'imageInference', status: 500, error: { code: 'providerContentPolicyViolation', message: 'Blocked by the provider' } } },
      'Runware’s safety check refused this prompt or image (providerContentPolicyViolation). Reword the prompt, or send another frame. Nothing was charged.',
    );
  });

  it('429 once: retried after a pause, then placed, charged once', async () => {
    await expectSuccess({ fault: { on: 'imageInference', status: 429, error: { code: 'rateLimitExceeded', message: 'Queue full' } } });
    expect(inferenceCalls()).toBe(2);
  });

  it('429 that does not clear: gives up with a message', async () => {
    await expectFailure(
      { fault: { on: 'imageInference', times: ALWAYS, status: 429, error: { code: 'rateLimitExceeded', message: 'Queue full' } } },
      'Runware is limiting requests right now. Wait a minute and try again. Nothing was charged.',
    );
    expect(inferenceCalls()).toBe(4);
  });

  it('500 before the task was accepted: getResponse says unknown, resubmitted, placed once', async () => {
    await expectSuccess({ fault: { on: 'imageInference', status: 500, error: { code: 'internalServerError', message: 'boom' } } });
  });

  it('500 after the task was accepted: getResponse finds it, no resubmit, placed once', async () => {
    await expectSuccess({ fault: { on: 'imageInference', afterAccept: true, status: 500 } });
    expect(inferenceCalls()).toBe(1);
  });

  it('500 every time', async () => {
    await expectFailure(
      { fault: { on: 'imageInference', times: ALWAYS, status: 500, error: { code: 'internalServerError', message: 'Provider error' } } },
      'Runware had a server error (Provider error). Nothing was charged.',
    );
  });

  it('503', async () => {
    await expectFailure(
      { fault: { on: 'imageInference', times: ALWAYS, status: 503, error: { code: 'serviceUnavailable', message: 'Busy' } } },
      'Runware is busy right now. Try again in a minute. Nothing was charged.',
    );
  });

  it('504', async () => {
    await expectFailure(
      { fault: { on: 'imageInference', times: ALWAYS, status: 504, error: { code: 'timeoutProvider', message: 'Queue wait exceeded' } } },
      'Runware’s queue took too long to start the task. Try again in a few minutes. Nothing was charged.',
    );
  });

  it('a body that is not JSON', async () => {
    await expectFailure(
      { fault: { on: 'imageInference', times: ALWAYS, status: 200, body: '<html>Bad gateway</html>' } },
      'Runware sent an answer the plugin could not read. Nothing was charged.',
    );
  });

  it('JSON of the wrong shape', async () => {
    await expectFailure(
      { fault: { on: 'imageInference', times: ALWAYS, status: 200, body: '{"data":"ok"}' } },
      'Runware sent an answer the plugin could not read. Nothing was charged.',
    );
  });

  it('a hang: times out', async () => {
    await expectFailure({ fault: { on: 'imageInference', times: ALWAYS, hang: true } }, 'Runware did not answer in time. Nothing was charged.');
  });

  it('a hang after the task was accepted: found by getResponse and placed, charged once', async () => {
    await expectSuccess({ fault: { on: 'imageInference', afterAccept: true, hang: true } });
  });

  it('a dropped connection after the task was accepted: placed once', async () => {
    await expectSuccess({ fault: { on: 'imageInference', afterAccept: true, drop: true } });
  });

  it('an image host that refuses CORS: the result still lands (it travels inline), placed once', async () => {
    await expectSuccess({ behaviour: { imageCors: false } });
    // Nothing is downloaded from the image host at all: the image came in the poll's answer.
    expect(h.emulator.downloads).toHaveLength(0);
  });

  it('NSFWContent: true', async () => {
    await expectFailure({ behaviour: { nsfw: true } }, 'Runware’s safety check flagged the result, so it was not placed. Try rewording the prompt.', 1);
  });

  it('a result image that cannot be decoded', async () => {
    await expectFailure(
      { behaviour: { result: 'corrupt' } },
      'The result image could not be used: the image could not be decoded. Nothing was placed. It is paid for and kept: Retry placing, or Discard it.',
      1,
    );
  });

  it('a result image past what the panel can cut into tiles', async () => {
    await expectFailure(
      { behaviour: { result: 'huge' } },
      'The result image could not be used: it is 17000×300 px, past the 16384 px a side the panel can cut into tiles. Nothing was placed. It is paid for and kept: Retry placing, or Discard it.',
      1,
    );
  });

  it('a real bad key (not injected): the emulator answers 401, and the key step comes back with the reason', async () => {
    await s.ui.getByRole('button', { name: 'Change key' }).click();
    await s.useKey('WrongKey0123456789abcdefghijkl');
    h.emulator.forgetUploads();
    await expectFailure({}, 'Runware did not accept your API key. Check it under API key, or create a new one at my.runware.ai. Nothing was charged.');
    await s.ui.getByRole('heading', { name: 'Connect your Runware account' }).waitFor();
  });
});

describe('transport', () => {
  it('falls back to WebSocket when the browser refuses REST (no CORS), and remembers it', async () => {
    const t = await openSession(h);
    await t.useKey();
    await t.select('Label');
    await t.prompt('Warmer colours');
    h.emulator.set({ cors: false });
    await t.generate();
    await t.ui.getByText(/^Placed 1 image beside “Label”/).waitFor({ timeout: 15_000 });
    expect(h.emulator.requests.filter((r) => r.transport === 'ws').length).toBeGreaterThan(0);
    expect(h.emulator.requests.filter((r) => r.transport === 'rest' && r.status > 0)).toEqual([]);
    expect(h.emulator.charges).toHaveLength(1);
    expect(await t.evaluate((host) => host.storage.get('transport'))).toBe('ws');
    await t.context.close();
  });

  it('names the host when the network refuses every way in', async () => {
    const t = await openSession(h);
    await t.useKey();
    await t.evaluate((host) =>
      host.figma.clientStorage.setAsync('devEndpoints', {
        rest: 'http://127.0.0.1:9/v1',
        ws: 'ws://127.0.0.1:9/v1',
        timing: { requestTimeoutMs: 1500, pollLimitMs: 5000, pollScale: 0.05 },
      }),
    );
    await t.reopen();
    await t.select('Label');
    await t.prompt('Warmer colours');
    await t.generate();
    expect(await t.alertText()).toBe(
      'Could not reach 127.0.0.1:9. Check your internet connection, or whether a firewall or VPN blocks it. Nothing was charged.',
    );
    await t.context.close();
  });
});

describe('bad input', () => {
  it('explains why Generate is disabled: no selection, empty or whitespace prompt, too long a prompt, no key', async () => {
    const t = await openSession(h);
    const generate = t.ui.getByRole('button', { name: 'Generate' });
    const reason = t.ui.locator('#blocker');
    expect(await generate.isDisabled()).toBe(true);
    expect(await reason.textContent()).toBe('Select a frame, group, component or image on the canvas.');
    await t.select('Box front');
    expect(await reason.textContent()).toBe('Describe the change you want in Prompt.');
    await t.prompt('   \n  ');
    expect(await reason.textContent()).toBe('Describe the change you want in Prompt.');
    await t.prompt('Red');
    expect(await reason.textContent()).toBe('The prompt needs at least 4 characters (Runware’s limit).');
    await t.prompt('x'.repeat(2001));
    await t.ui.getByText('2001 / 2000 · ⌘/Ctrl+Enter to generate').waitFor();
    expect(await reason.textContent()).toBe('The prompt is 2001 characters; Runware takes at most 2000.');
    await t.prompt('Fine now');
    expect(await reason.textContent()).toBe('Add your Runware API key to generate.');
    expect(await generate.isDisabled()).toBe(true);
    await t.context.close();
  });

  it('catches a malformed key before any request', async () => {
    const t = await openSession(h);
    await t.ui.getByLabel('API key').fill('my runware key');
    await t.ui.getByText('That API key has spaces in it: paste the key alone.').waitFor();
    expect(await t.ui.getByRole('button', { name: 'Save key' }).isDisabled()).toBe(true);
    await t.ui.getByLabel('API key').fill('abc123');
    await t.ui.getByText('That API key looks too short: copy the whole key from my.runware.ai.').waitFor();
    expect(h.emulator.requests).toEqual([]);
    await t.context.close();
  });

  it('says which selected nodes are not sent: hidden, not exportable, past 10', async () => {
    const t = await openSession(h);
    await t.evaluate((host) => {
      const frames = Array.from({ length: 11 }, (_, i) => host.addFrame(`F${i}`, { x: 5000, y: i * 200, width: 100, height: 100 }));
      const hidden = host.addFrame('Hidden logo', { x: 6000, y: 0, width: 100, height: 100 });
      hidden.visible = false;
      const text = host.addFrame('Caption', { x: 6000, y: 300, width: 100, height: 20 }, undefined, 'TEXT');
      host.select([hidden, text, ...frames]);
    });
    await t.ui.getByText('“Hidden logo” is hidden: not sent.').waitFor();
    await t.ui.getByText('“Caption” is not a frame, group, component or image: not sent.').waitFor();
    await t.ui.getByText('“F10” is past Riverflow 1.1 Pro’s 10-reference limit: not sent.').waitFor();
    expect(await t.ui.getByRole('region', { name: 'References' }).getByRole('listitem').count()).toBe(10);
    await t.evaluate((host) => host.select([host.page.children.find((n) => n.name === 'Hidden logo')!]));
    await t.ui.getByText('“Hidden logo” is hidden. Select a visible frame, group, component or image.').waitFor();
    await t.context.close();
  });

  it('sends a 1×1 frame at 300 px and a 20000×20000 frame at the output’s size', async () => {
    const t = await openSession(h);
    await t.useKey();
    await t.evaluate((host) => {
      host.addFrame('Dot', { x: 5000, y: 0, width: 1, height: 1 });
      host.addFrame('Mural', { x: 5000, y: 100, width: 20000, height: 20000 });
    });
    await t.prompt('Make it gold');
    for (const [name, side] of [
      ['Dot', 300],
      ['Mural', 1024],
    ] as const) {
      h.emulator.reset();
      await t.page.evaluate((n) => window.playground.selectByName([n]), name);
      await t.ui.getByText(`Matched to “${name}”`).waitFor();
      await t.generate();
      await t.ui.getByText(new RegExp(`^Placed 1 image beside “${name}”`)).waitFor({ timeout: 15_000 });
      const upload = h.emulator.requests.find((r) => r.tasks[0]?.taskType === 'imageUpload')!;
      const image = upload.tasks[0]!.image as string;
      const bytes = Buffer.from(image.slice(image.indexOf(',') + 1), 'base64');
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([side, side]);
    }
    await t.context.close();
  });

  it('a node deleted between selection and run', async () => {
    const t = await openSession(h);
    await t.useKey();
    await t.select('Label');
    await t.prompt('Warmer');
    // Removed without a selectionchange reaching the UI yet: the race Figma allows.
    await t.evaluate((host) => host.page.children.find((n) => n.name === 'Label')!.remove());
    await t.generate();
    expect(await t.alertText()).toBe('A selected frame was deleted. Select it again.');
    expect(h.emulator.requests).toEqual([]);
    await t.context.close();
  });

  it('a node Figma cannot export', async () => {
    const t = await openSession(h);
    await t.useKey();
    await t.evaluate((host) => {
      const n = host.page.children.find((c) => c.name === 'Poster 16:9')!;
      n.exportAsync = () => Promise.reject(new Error('Render failed'));
    });
    await t.select('Poster 16:9');
    await t.prompt('Warmer');
    await t.generate();
    expect(await t.alertText()).toBe('Figma could not export “Poster 16:9”. Try a simpler frame or a smaller one.');
    await t.context.close();
  });
});

describe('nothing paid is lost', () => {
  it('plugin closed mid-run: reopening places the result, charged once', async () => {
    const t = await openSession(h);
    await t.useKey();
    await t.select('Story 9:16');
    await t.prompt('Night version');
    h.emulator.set({ processingPolls: 10_000 });
    await t.generate();
    await t.ui.getByText(/Riverflow is working/).waitFor();
    expect(h.emulator.charges).toHaveLength(1);
    const before = (await t.nodeNames()).length;
    await t.page.getByRole('button', { name: 'Close & reopen plugin' }).click();
    h.emulator.finishAll();
    await t.ui.getByText('Placed 1 result from an earlier run that was interrupted.').waitFor({ timeout: 15_000 });
    expect(await t.nodeNames()).toHaveLength(before + 1);
    expect((await t.nodeNames()).at(-1)).toBe('Story 9:16 — Riverflow 1');
    expect(h.emulator.charges).toHaveLength(1);
    expect(await t.evaluate((host) => [...host.storage.keys()].filter((k) => k.startsWith('pendingRun')))).toEqual([]);
    await t.context.close();
  });

  it('Cancel stops waiting, says the result is kept, and the next start places it', async () => {
    const t = await openSession(h);
    await t.useKey();
    await t.select('Square tile');
    await t.prompt('Autumn palette');
    h.emulator.set({ processingPolls: 10_000 });
    await t.generate();
    await t.ui.getByText(/Riverflow is working/).waitFor();
    const before = (await t.nodeNames()).length;
    await t.ui.getByRole('button', { name: 'Cancel' }).click();
    await t.ui.getByText('Stopped waiting. Runware had already accepted the task: its results are kept and placed the next time you open Riverflow.').waitFor();
    expect(await t.nodeNames()).toHaveLength(before);
    h.emulator.finishAll();
    await t.reopen();
    await t.ui.getByText('Placed 1 result from an earlier run that was interrupted.').waitFor({ timeout: 15_000 });
    expect(await t.nodeNames()).toHaveLength(before + 1);
    expect(h.emulator.charges).toHaveLength(1);
    await t.context.close();
  });

  it('re-uploads a reference Runware no longer has, then carries on', async () => {
    const t = await openSession(h);
    await t.useKey();
    await t.select('Banner 7:3');
    await t.prompt('Blue sale');
    await t.generate();
    await t.ui.getByText(/^Placed 1 image/).waitFor();
    h.emulator.forgetUploads();
    h.emulator.reset();
    await t.select('Banner 7:3');
    await t.generate();
    await t.ui.getByText(/^Placed 1 image/).waitFor({ timeout: 15_000 });
    const types = h.emulator.requests.map((r) => r.tasks[0]?.taskType);
    expect(types.slice(0, 3)).toEqual(['imageInference', 'imageUpload', 'imageInference']);
    expect(h.emulator.charges).toHaveLength(1);
    await t.context.close();
  });
});
