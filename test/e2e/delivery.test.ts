import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './harness.ts';
import { sharedHarness } from './sharedHarness.ts';

const h = sharedHarness();
let s: Session;
// Each test its own page and emulator state: one failure cannot spread.
beforeEach(async () => {
  s = await openSession(h);
  await s.useKey();
});
afterEach(async () => {
  await s.context.close();
});

const polls = () => h.emulator.requests.filter((r) => r.tasks.some((t) => t.taskType === 'getResponse'));

describe('answers the real Runware gives, handled', () => {
  for (const shape of ['item', 'errors'] as const) {
    it(`one variation of two fails (${shape === 'item' ? 'a status "error" item' : 'errors[] next to data[]'}): the other is placed, the failure named, polling stops`, async () => {
      h.emulator.set({ failGeneration: { index: 1, shape, error: { code: 'providerError', message: 'The provider failed' } } });
      await s.select('Box front');
      await s.prompt('Two colourways');
      await s.ui.getByLabel('Variations').fill('2');
      const before = (await s.nodeNames()).length;
      await s.generate();
      expect(await s.alertText()).toBe(
        'Placed 1 image beside “Box front”. Variation 2: The model’s provider could not make this image (The provider failed). Try again in a minute. Cost $0.077.',
      );
      expect(await s.nodeNames()).toHaveLength(before + 1);
      expect(h.emulator.charges).toHaveLength(2);
      // The failed task is asked about once (its first poll ends it), never again; and
      // nothing is left pending for a task Runware ended.
      const submit = h.emulator.requests.find((r) => r.tasks.some((t) => t.taskType === 'imageInference'))!;
      const failedTask = submit.tasks[1]!.taskUUID;
      expect(polls().filter((r) => r.tasks.some((t) => t.taskUUID === failedTask))).toHaveLength(1);
      await expect.poll(() => s.evaluate((host) => [...host.storage.keys()].filter((k) => k.startsWith('pendingRun')))).toEqual([]);
    });
  }

  it('Cancel while the submit is in flight says Runware may have the task, and the next start places it if so', async () => {
    h.emulator.inject({ on: 'imageInference', afterAccept: true, hang: true });
    await s.select('Label');
    await s.prompt('Warmer label');
    await s.generate();
    await s.ui.getByText(/Sending to Riverflow/).waitFor();
    await s.ui.getByRole('button', { name: 'Cancel' }).click();
    await s.ui.getByText('Stopped waiting. Runware may have accepted the task: if it did, its results are placed the next time you open Riverflow.').waitFor();
    await s.reopen();
    await s.ui.getByText('Placed 1 result from an earlier run that was interrupted.').waitFor({ timeout: 15_000 });
    expect(h.emulator.charges).toHaveLength(1);
  });

  it('Escape cancels a run from the keyboard', async () => {
    h.emulator.set({ processingPolls: 10_000 });
    await s.select('Label');
    await s.prompt('Warmer label');
    await s.generate();
    await s.ui.getByText(/Riverflow is working/).waitFor();
    await s.ui.getByRole('button', { name: 'Cancel' }).press('Escape');
    await s.ui.getByText(/^Stopped waiting\. Runware had already accepted the task/).waitFor();
  });
});

describe('results land where they belong', () => {
  it('the designer moves to another page mid-run: the result still goes beside its source, on the source’s page', async () => {
    h.emulator.set({ processingPolls: 3 });
    await s.select('Story 9:16');
    await s.prompt('Night version');
    await s.generate();
    await s.ui.getByText(/Riverflow is working/).waitFor();
    await s.evaluate((host) => host.goToPage(host.addPage('Notes')));
    await s.ui.getByText(/^Placed 1 image beside “Story 9:16”/).waitFor({ timeout: 15_000 });
    const pages = await s.evaluate((host) => host.pages.map((p) => [p.name, p.loaded ? p.children.map((n) => n.name) : null]));
    expect(pages[0]![1]).toContain('Story 9:16 — Riverflow 1');
    expect(pages[1]).toEqual(['Notes', []]);
  });

  it('closed mid-run, reopened on another page: recovered beside the source, on its own page', async () => {
    h.emulator.set({ processingPolls: 10_000 });
    await s.select('Square tile');
    await s.prompt('Autumn palette');
    await s.generate();
    await s.ui.getByText(/Riverflow is working/).waitFor();
    await s.evaluate((host) => {
      host.close();
      host.goToPage(host.addPage('Other'));
    });
    // Page 1 is no longer loaded, as Figma leaves a page the designer left.
    await s.evaluate((host) => void (host.pages[0]!.loaded = false));
    h.emulator.finishAll();
    await s.reopen();
    await s.ui.getByText('Placed 1 result from an earlier run that was interrupted.').waitFor({ timeout: 15_000 });
    expect(await s.evaluate((host) => host.pages[0]!.children.map((n) => n.name))).toContain('Square tile — Riverflow 1');
    expect(h.emulator.charges).toHaveLength(1);
  });

  it('a run of another file waits for its file: not placed here, and the panel says where it belongs', async () => {
    h.emulator.set({ processingPolls: 10_000 });
    await s.select('Banner 7:3');
    await s.prompt('Blue sale');
    await s.generate();
    await s.ui.getByText(/Riverflow is working/).waitFor();
    await s.evaluate((host) => {
      host.close();
      host.openFile();
      host.addFrame('Banner 7:3', { x: 0, y: 0, width: 1400, height: 600 });
    });
    h.emulator.finishAll();
    await s.reopen();
    await s.ui.getByText('1 earlier run from another file is waiting there: open that file to place it.').waitFor();
    expect(await s.nodeNames()).toEqual(['Banner 7:3']);
  });
});
