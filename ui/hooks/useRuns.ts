import { useEffect, useRef, useState } from 'preact/hooks';
import { formatUsd, plural } from '../../core/format.ts';
import { shortName } from '../../core/notice.ts';
import { BATCH_CONCURRENCY, runPool } from '../../core/pool.ts';
import type { SelectedNode } from '../../core/protocol/shared.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { notify, request } from '../bridge.ts';
import { errorText } from '../../core/errorText.ts';
import type { Settings } from '../../core/records/settings.ts';
import type { Tier } from '../../core/sizes.ts';
import type { RiverflowModel } from '../../core/models.ts';
import { finishInput, type FinishInput } from '../run/finishInput.ts';
import type { BatchItem } from '../run/panelState.ts';
import { collectResults } from '../run/collectResults.ts';
import { iframeHost } from '../run/iframeHost.ts';
import { runEdit, type EditRequest } from '../run/runEdit.ts';
import { frameEdit, type BatchInput } from '../run/frameEdit.ts';
import { runUpscale } from '../run/runUpscale.ts';
import { CANCELLED_FREE, failureText, RunFailed, type RunOutcome, type RunProgress } from '../run/runFailed.ts';
import { endState, failureOf, outcomeNotes, type RunState } from '../run/runEnd.ts';
import { makeClient, type Connection } from '../runware/makeClient.ts';

export type { RunState };

export type EditInput = EditRequest;

export type { BatchInput };

/** After Cancel, whatever the failure was: what the cancel meant for money and recovery. */
const cancelMessage = (failed: RunFailed) => failureText(failed.reason, { charged: failed.charged, kept: failed.kept, cancelled: true });

/**
 * The runs of this panel: one edit, "Edit each frame" batches and the recovery of
 * interrupted runs, with their progress, messages, cancel and the session's cost.
 * `onFinished` is called after every run (the history panel refreshes then); `onPlaced` with
 * the results of a single run (the panel lists them to compare and keep one).
 */
export function useRuns(onFinished: () => void, onPlaced: (outcome: RunOutcome, source: SelectedNode) => void, charged: (usd: number) => void) {
  const [run, setRun] = useState<RunState>({ status: 'idle' });
  const [batch, setBatch] = useState<readonly BatchItem[]>([]);
  const [now, setNow] = useState(Date.now());
  const abort = useRef<AbortController | null>(null);
  /** The last batch's own prompt and settings: Retry repeats them, whatever the form says now. */
  const batchInput = useRef<BatchInput | null>(null);

  useEffect(() => {
    if (run.status !== 'running') return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [run.status]);

  const progress = (p: RunProgress) => setRun((r) => (r.status === 'running' ? { ...r, progress: p } : r));

  /** Runs `body` with a fresh client and cancel signal, and always cleans up after it. */
  async function withClient(
    connection: Connection,
    start: RunState & { status: 'running' },
    body: (client: ReturnType<typeof makeClient>, signal: AbortSignal) => Promise<void>,
  ) {
    const controller = new AbortController();
    abort.current = controller;
    const client = makeClient(connection);
    setNow(Date.now());
    setRun(start);
    try {
      await body(client, controller.signal);
    } finally {
      client.close();
      abort.current = null;
      onFinished();
    }
  }

  /** One edit; `beside` names what the results are placed beside when it is not the base frame (a finished draft). */
  async function single(connection: Connection, input: EditInput, beside?: string) {
    setBatch([]);
    const start = {
      status: 'running',
      startedAt: Date.now(),
      recovering: false,
      progress: { stage: 'exporting', placed: 0, total: input.settings.numberResults },
    } as const;
    await withClient(connection, start, async (client, signal) => {
      try {
        const outcome = await runEdit(iframeHost, client, input, progress, signal);
        charged(outcome.cost);
        if (input.nodes[0]) onPlaced(outcome, input.nodes[0]);
        const placedBeside = (name: string) => `Placed ${plural(outcome.placed, 'image')} beside “${name}”.`;
        const name = beside ?? input.nodes[0]?.name ?? 'the selection';
        const text = placedBeside(name);
        notify(placedBeside(shortName(name)));
        setRun(endState({ placed: text, outcome }));
      } catch (e) {
        setRun(endState({ failure: e, cancelled: signal.aborted }));
      }
    });
  }

  /** "Edit each frame": the same prompt on each frame alone, a few in flight, each at its own matched size. */
  async function each(connection: Connection, items: readonly BatchItem[], input: BatchInput) {
    batchInput.current = input;
    let state = [...items];
    const update = (id: string, patch: Partial<BatchItem>) => {
      state = state.map((it) => (it.id === id ? { ...it, ...patch } : it));
      setBatch(state);
    };
    setBatch(state);
    const todo = items.filter((it) => it.status !== 'placed');
    const unplaced: PendingRun[] = [];
    let placed = 0;
    let cost = 0;
    const start = { status: 'running', startedAt: Date.now(), recovering: false, progress: { stage: 'waiting', placed: 0, total: items.length } } as const;
    await withClient(connection, start, async (client, signal) => {
      await runPool(todo, BATCH_CONCURRENCY, async ({ id, node }) => {
        if (signal.aborted) return update(id, { status: 'failed', message: CANCELLED_FREE });
        update(id, { status: 'running' });
        try {
          const outcome = await runEdit(iframeHost, client, frameEdit(input, node), () => {}, signal);
          placed += outcome.placed;
          cost += outcome.cost;
          if (outcome.unplaced) unplaced.push(outcome.unplaced);
          update(id, { status: 'placed', message: `${plural(outcome.placed, 'image')}${outcomeNotes(outcome)}` });
        } catch (e) {
          const failed = failureOf(e);
          if (failed.unplaced) unplaced.push(failed.unplaced);
          update(id, { status: 'failed', message: signal.aborted ? cancelMessage(failed) : failed.message });
        }
        progress({ stage: 'waiting', placed: state.filter((it) => it.status === 'placed').length, total: state.length });
      });
    });
    charged(cost);
    const failed = state.filter((it) => it.status === 'failed').length;
    const text = `Placed ${plural(placed, 'image')} for ${plural(todo.length - failed, 'frame')}.`;
    notify(text, failed > 0);
    if (failed) setRun({ status: 'error', message: `${text} ${plural(failed, 'frame')} failed: retry ${failed === 1 ? 'it' : 'them'} below.`, unplaced });
    else if (unplaced.length)
      setRun({
        status: 'error',
        message: `${text} ${plural(unplaced.length, 'paid image')} Figma did not take ${unplaced.length === 1 ? 'is' : 'are'} kept.`,
        unplaced,
      });
    else setRun({ status: 'done', message: `${text} Cost ${formatUsd(cost)}.` });
  }

  /** Re-runs one failed frame of the last batch with the batch's own prompt and settings, keeping the others' statuses. */
  function retry(connection: Connection, id: string) {
    const input = batchInput.current;
    if (!input) return Promise.resolve();
    return each(
      connection,
      batch.map((it) => (it.id === id ? { ...it, status: 'queued' as const, message: undefined } : it)).filter((it) => it.id === id || it.status === 'placed'),
      input,
    );
  }

  /** Upscales a result for print and places it beside the result, as wide on the canvas. */
  async function upscale(connection: Connection, node: SelectedNode, factor: number, onRefused: () => void) {
    setBatch([]);
    const start = { status: 'running', startedAt: Date.now(), recovering: false, progress: { stage: 'submitting', placed: 0, total: 1 } } as const;
    await withClient(connection, start, async (client, signal) => {
      try {
        const outcome = await runUpscale(iframeHost, client, node, factor, progress, signal);
        charged(outcome.cost);
        const text = `Placed “${node.name}” upscaled ×${factor} beside it.`;
        notify(`Placed “${shortName(node.name)}” upscaled ×${factor} beside it.`);
        setRun(endState({ placed: text, outcome }));
      } catch (e) {
        if (failureOf(e).refusedParameter === 'upscaleFactor') onRefused();
        setRun(endState({ failure: e, cancelled: signal.aborted }));
      }
    });
  }

  /** "Finish with…": the draft's run again on a final model and tier, placed beside the draft. */
  async function finish(connection: Connection, draft: SelectedNode, final: { model: RiverflowModel; tier: Tier }, settings: Settings) {
    let finishing: FinishInput;
    try {
      finishing = finishInput(draft.id, await request({ type: 'finish-plan', nodeId: draft.id }), final, settings);
    } catch (e) {
      finishing = { ok: false, reason: errorText(e) };
    }
    if (!finishing.ok) setRun({ status: 'error', message: finishing.reason });
    else await single(connection, finishing.input, draft.name);
  }

  /** Places what runs left pending by a closed plugin have produced since. */
  async function recover(connection: Connection, pending: readonly PendingRun[]) {
    let placed = 0;
    let cost = 0;
    const messages: string[] = [];
    const notes: string[] = [];
    const unplaced: PendingRun[] = [];
    let keyRefused = false;
    const start = {
      status: 'running',
      startedAt: Date.now(),
      recovering: true,
      progress: { stage: 'waiting', placed: 0, total: pending[0]?.tasks.length ?? 1 },
    } as const;
    await withClient(connection, start, async (client, signal) => {
      for (const pendingRun of pending) {
        try {
          const outcome = await collectResults(iframeHost, client, pendingRun, progress, signal, true);
          placed += outcome.placed;
          cost += outcome.cost;
          messages.push(...outcome.failed);
          notes.push(...(outcome.notes ?? []));
          if (outcome.unplaced) unplaced.push(outcome.unplaced);
        } catch (e) {
          // A run Runware never accepted is simply forgotten; others say what happened.
          if (pendingRun.tasks.some((t) => t.accepted) && e instanceof RunFailed) messages.push(e.message);
          keyRefused ||= e instanceof RunFailed && e.keyRefused;
          if (e instanceof RunFailed && e.unplaced) unplaced.push(e.unplaced);
        }
      }
    });
    charged(cost);
    if (placed > 0) {
      const text = `Placed ${plural(placed, 'result')} from ${pending.length > 1 ? 'earlier runs that were' : 'an earlier run that was'} interrupted.`;
      notify(text);
      const message = [text, ...notes, ...messages].join(' ');
      setRun(messages.length ? { status: 'error', message, keyRefused, unplaced } : { status: 'done', message });
    } else if (messages.length > 0) setRun({ status: 'error', message: messages.join(' '), keyRefused, unplaced });
    else setRun({ status: 'idle' });
  }

  /** Retry placing: the kept runs' paid images, fetched again (a poll costs nothing) and placed. */
  function retryPlacing(connection: Connection) {
    return run.status === 'error' && run.unplaced?.length ? recover(connection, run.unplaced) : Promise.resolve();
  }

  /** Discard: the designer gives up on kept images Figma would not take; Runware has charged for them. */
  async function discard() {
    if (run.status !== 'error' || !run.unplaced?.length) return;
    for (const kept of run.unplaced) await request({ type: 'pending-remove', runId: kept.runId }).catch(() => undefined);
    setRun({ status: 'done', message: 'Discarded. Runware had already charged for the image.' });
  }

  return {
    run,
    batch,
    elapsed: run.status === 'running' ? ((now - run.startedAt) / 1000).toFixed(1) : '',
    single,
    each,
    retry,
    recover,
    retryPlacing,
    discard,
    upscale,
    finish,
    cancel: () => abort.current?.abort(),
    clear: () => setRun((r) => (r.status === 'running' ? r : { status: 'idle' })),
  };
}
