import { Button } from '@create-figma-plugin/ui';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BATCH_CONCURRENCY, runPool } from '../core/pool.ts';
import { estimateCostUsd, formatUsd, PRICE_PER_IMAGE_USD, roundCents } from '../core/pricing.ts';
import type { DevEndpoints, SelectedNode, ToUI } from '../core/protocol.ts';
import { groupHistory, parseProvenance, type HistoryEntry } from '../core/history.ts';
import { DEFAULT_SETTINGS, type PendingTask, type Settings } from '../core/records.ts';
import { drop, move, orderFor, selectionKey, type ReferenceOrder } from '../core/referenceOrder.ts';
import { runBlocker } from '../core/runBlocker.ts';
import { apiKeyProblem } from '../core/runware/apiKey.ts';
import { MAX_RESULTS } from '../core/runware/tasks.ts';
import { DEFAULT_PRESET, findPreset, matchPreset, type SizePreset } from '../core/sizes.ts';
import { onMessage, request, send } from './bridge.ts';
import { AdvancedOptions } from './components/AdvancedOptions.tsx';
import { ApiKeyField } from './components/ApiKeyField.tsx';
import { BatchStatus, type BatchItem } from './components/BatchStatus.tsx';
import { HistoryPanel } from './components/HistoryPanel.tsx';
import { IntegerField } from './components/IntegerField.tsx';
import { PromptField } from './components/PromptField.tsx';
import { ReferencesList } from './components/ReferencesList.tsx';
import { SizeField } from './components/SizeField.tsx';
import { makeClient } from './makeClient.ts';
import { collectResults, RunFailed, runEdit, type RunOutcome, type RunProgress } from './run.ts';
import { runQuick, type QuickStart } from './quickRun.ts';
import { useThumbnails } from './useThumbnails.ts';

type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly progress: RunProgress; readonly startedAt: number; readonly recovering: boolean }
  | { readonly status: 'done'; readonly message: string }
  | { readonly status: 'error'; readonly message: string };

type Mode = 'combine' | 'each';

const STAGE_TEXT: Record<RunProgress['stage'], string> = {
  exporting: 'Exporting references…',
  uploading: 'Uploading references…',
  submitting: 'Sending to Riverflow…',
  waiting: 'Riverflow is working…',
  placing: 'Placing results…',
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const CANCELLED_KEPT = 'Stopped waiting. Runware had already accepted the task: its results are kept and placed the next time you open Riverflow.';
const CANCELLED_FREE = 'Cancelled before Runware accepted the task. Nothing was charged.';

export function App() {
  const [ready, setReady] = useState(false);
  const [apiKey, setApiKey] = useState('');
  const [savedKey, setSavedKey] = useState<string | null>(null);
  const [endpoints, setEndpoints] = useState<DevEndpoints | null>(null);
  const [transport, setTransport] = useState<'rest' | 'ws' | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [selected, setSelected] = useState<readonly SelectedNode[]>([]);
  const [skipped, setSkipped] = useState<readonly { name: string; reason: string }[]>([]);
  const [order, setOrder] = useState<ReferenceOrder | undefined>(undefined);
  const [prompt, setPrompt] = useState('');
  const [recentPrompts, setRecentPrompts] = useState<readonly string[]>([]);
  const [preset, setPreset] = useState<SizePreset>(DEFAULT_PRESET);
  const [mode, setMode] = useState<Mode>('combine');
  const [run, setRun] = useState<RunState>({ status: 'idle' });
  const [batch, setBatch] = useState<readonly BatchItem[]>([]);
  const [now, setNow] = useState(Date.now());
  const [sessionCost, setSessionCost] = useState(0);
  const [advanced, setAdvanced] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [history, setHistory] = useState<readonly HistoryEntry[]>([]);
  const [historyVersion, setHistoryVersion] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const quickStart = useRef<QuickStart | null>(null);
  const relaunchSize = useRef<SizePreset | undefined>(undefined);

  const selectedIds = selected.map((n) => n.id);
  const nodes = orderFor(selectedIds, order).map((id) => selected.find((n) => n.id === id)!);
  const base = nodes[0];
  const matched = base ? matchPreset(base.width, base.height) : undefined;
  const baseKey = base ? `${base.id}:${base.width}x${base.height}` : '';
  const thumbnails = useThumbnails([...nodes.map((n) => n.id), ...history.map((e) => e.nodeIds[0] ?? '').filter(Boolean)], String(historyVersion));

  // A new base reference re-matches the size; an override holds until the base changes.
  useEffect(() => {
    const fromRelaunch = relaunchSize.current;
    relaunchSize.current = undefined;
    setPreset(fromRelaunch ?? matched ?? DEFAULT_PRESET);
    // A frame edited before: offer its last prompt, unless one is being written.
    const last = base && history.find((e) => e.sourceNodeId === base.id);
    if (last) setPrompt((p) => (p.trim() ? p : last.prompt));
  }, [baseKey]);

  useEffect(() => {
    if (ready) performance.mark('riverflow-interactive');
  }, [ready]);

  useEffect(() => {
    if (run.status !== 'running') return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [run.status]);

  useEffect(() => {
    const stop = onMessage((m: ToUI) => {
      if (m.type === 'selection') {
        setSelected(m.nodes);
        setSkipped(m.skipped);
        // A quick action runs once, on the selection that follows its init.
        const quick = quickStart.current;
        quickStart.current = null;
        if (quick) void runQuick(quick, m.nodes, m.skipped);
      } else if (m.type === 'history') {
        setHistory(groupHistory(m.results));
      } else if (m.type === 'init') {
        setSavedKey(m.apiKey);
        setApiKey(m.apiKey ?? '');
        setEndpoints(m.endpoints);
        setTransport(m.transport);
        setSettings(m.settings);
        setRecentPrompts(m.recentPrompts);
        const relaunch = m.relaunch ? parseProvenance(m.relaunch) : undefined;
        if (relaunch) {
          setPrompt(relaunch.prompt);
          relaunchSize.current = findPreset(relaunch.width, relaunch.height);
        }
        setReady(true);
        if (m.quick) quickStart.current = { quick: m.quick, apiKey: m.apiKey, endpoints: m.endpoints, transport: m.transport, settings: m.settings };
        else if (m.apiKey && m.pending.length > 0) void recover(m.apiKey, m.endpoints, m.transport, m.pending);
      }
    });
    send({ type: 'ui-ready' });
    send({ type: 'get-history' });
    return stop;
  }, []);

  function updateSettings(next: Settings) {
    setSettings(next);
    send({ type: 'save-settings', settings: next });
  }

  function refreshHistory() {
    send({ type: 'get-history' });
    setHistoryVersion((v) => v + 1);
  }

  const progress = (p: RunProgress) => setRun((r) => (r.status === 'running' ? { ...r, progress: p } : r));

  async function recover(key: string, ends: DevEndpoints | null, pref: 'rest' | 'ws' | null, pending: readonly PendingTask[]) {
    const controller = new AbortController();
    abort.current = controller;
    const client = makeClient(key, ends, pref);
    let placed = 0;
    let cost = 0;
    const messages: string[] = [];
    for (const task of pending) {
      setRun({ status: 'running', startedAt: Date.now(), recovering: true, progress: { stage: 'waiting', placed: 0, total: task.numberResults } });
      try {
        const outcome = await collectResults(client, task, progress, controller.signal);
        placed += outcome.placed;
        cost += outcome.cost;
      } catch (e) {
        // A task Runware never accepted is simply forgotten; others say what happened.
        if (task.accepted && e instanceof RunFailed) messages.push(e.message);
      }
    }
    client.close();
    abort.current = null;
    setSessionCost((c) => roundCents(c + cost));
    refreshHistory();
    if (placed > 0) {
      const text = `Placed ${plural(placed, 'result')} from an earlier run that was interrupted.`;
      send({ type: 'notify', message: text, error: false });
      setRun({ status: 'done', message: text });
    } else if (messages.length > 0) {
      setRun({ status: 'error', message: messages[0]! });
    } else setRun({ status: 'idle' });
  }

  const keyProblem = apiKey ? apiKeyProblem(apiKey) : undefined;
  const blocker = runBlocker({ apiKey: savedKey ?? '', prompt, selected: nodes.length, skipped });
  const running = run.status === 'running';
  const each = mode === 'each' && nodes.length > 1;
  const images = settings.numberResults * (each ? nodes.length : 1);

  async function generate() {
    if (blocker || running || !savedKey) return;
    send({ type: 'remember-prompt', prompt });
    setRecentPrompts((r) => [prompt.trim(), ...r.filter((p) => p !== prompt.trim())].slice(0, 20));
    if (each) return generateEach(nodes.map((n) => ({ id: n.id, name: n.name, node: n, status: 'queued' as const })));
    const controller = new AbortController();
    abort.current = controller;
    const client = makeClient(savedKey, endpoints, transport);
    setBatch([]);
    setNow(Date.now());
    setRun({ status: 'running', startedAt: Date.now(), recovering: false, progress: { stage: 'exporting', placed: 0, total: settings.numberResults } });
    try {
      const outcome = await runEdit(client, { prompt, preset, nodes, settings }, progress, controller.signal);
      setSessionCost((c) => roundCents(c + outcome.cost));
      const text = `Placed ${plural(outcome.placed, 'image')} beside “${nodes[0]?.name ?? 'the selection'}”.${flaggedNote(outcome)}`;
      send({ type: 'notify', message: text, error: false });
      setRun({ status: 'done', message: `${text} Cost ${formatUsd(outcome.cost)}.` });
    } catch (e) {
      const failed = e instanceof RunFailed ? e : new RunFailed(e instanceof Error ? e.message : String(e), false, 0);
      const cancelled = controller.signal.aborted;
      const message = cancelled
        ? failed.kept
          ? CANCELLED_KEPT
          : CANCELLED_FREE
        : failed.placed > 0
          ? `${failed.message} (${plural(failed.placed, 'result')} placed before this.)`
          : failed.message;
      setRun({ status: cancelled ? 'done' : 'error', message });
    } finally {
      client.close();
      abort.current = null;
      refreshHistory();
    }
  }

  /** "Edit each frame": the same prompt on each frame alone, a few in flight, each at its own matched size. */
  async function generateEach(items: readonly BatchItem[]) {
    if (!savedKey) return;
    const controller = new AbortController();
    abort.current = controller;
    const client = makeClient(savedKey, endpoints, transport);
    let state = [...items];
    const update = (id: string, patch: Partial<BatchItem>) => {
      state = state.map((it) => (it.id === id ? { ...it, ...patch } : it));
      setBatch(state);
    };
    setBatch(state);
    setNow(Date.now());
    setRun({ status: 'running', startedAt: Date.now(), recovering: false, progress: { stage: 'waiting', placed: 0, total: items.length } });
    let placed = 0;
    let cost = 0;
    const todo = items.filter((it) => it.status !== 'placed');
    await runPool(todo, BATCH_CONCURRENCY, async (item) => {
      const node = item.node;
      update(item.id, { status: 'running' });
      try {
        const outcome = await runEdit(client, { prompt, preset: matchPreset(node.width, node.height), nodes: [node], settings }, () => {}, controller.signal);
        placed += outcome.placed;
        cost += outcome.cost;
        update(item.id, { status: 'placed', message: `${plural(outcome.placed, 'image')}${flaggedNote(outcome)}` });
      } catch (e) {
        const failed = e instanceof RunFailed ? e : new RunFailed(String(e), false, 0);
        update(item.id, { status: 'failed', message: controller.signal.aborted ? (failed.kept ? CANCELLED_KEPT : CANCELLED_FREE) : failed.message });
      }
      const done = state.filter((it) => it.status === 'placed').length;
      setRun((r) => (r.status === 'running' ? { ...r, progress: { stage: 'waiting', placed: done, total: state.length } } : r));
    });
    client.close();
    abort.current = null;
    refreshHistory();
    setSessionCost((c) => roundCents(c + cost));
    const failed = state.filter((it) => it.status === 'failed').length;
    const text = `Placed ${plural(placed, 'image')} for ${plural(todo.length - failed, 'frame')}.`;
    send({ type: 'notify', message: text, error: failed > 0 });
    if (failed) setRun({ status: 'error', message: `${text} ${plural(failed, 'frame')} failed: retry ${failed === 1 ? 'it' : 'them'} below.` });
    else setRun({ status: 'done', message: `${text} Cost ${formatUsd(cost)}.` });
  }

  function retry(id: string) {
    void generateEach(batch.map((it) => (it.id === id ? { ...it, status: 'queued' as const, message: undefined } : it)).filter((it) => it.id === id || it.status === 'placed'));
  }

  async function saveKey() {
    if (keyProblem) return;
    const reply = await request((id) => ({ type: 'save-key', id, apiKey: apiKey.trim() }));
    if (reply.ok) setSavedKey(apiKey.trim());
  }

  async function forgetKey() {
    await request((id) => ({ type: 'forget-key', id }));
    setSavedKey(null);
    setApiKey('');
  }

  const elapsed = run.status === 'running' ? ((now - run.startedAt) / 1000).toFixed(1) : '';
  const changeOrder = (ids: string[]) => setOrder({ selectionKey: selectionKey(selectedIds), ids });
  const reordered = useMemo(() => nodes.map((n) => n.id).join(',') !== selectedIds.join(','), [nodes, selectedIds]);

  if (!ready) return <main class="app" aria-busy="true" />;

  return (
    <main class="app">
      <ReferencesList
        nodes={nodes}
        skipped={skipped}
        thumbnails={thumbnails}
        onMove={(i, d) => changeOrder(move(nodes.map((n) => n.id), i, d))}
        onRemove={(i) => changeOrder(drop(nodes.map((n) => n.id), i))}
        onReset={reordered ? () => setOrder(undefined) : undefined}
      />
      {nodes.length > 1 ? (
        <fieldset class="field modes">
          <legend class="label">With several frames</legend>
          <label class="row">
            <input class="native" type="radio" name="mode" checked={mode === 'combine'} onChange={() => setMode('combine')} /> Combine as references
          </label>
          <label class="row">
            <input class="native" type="radio" name="mode" checked={mode === 'each'} onChange={() => setMode('each')} /> Edit each frame
          </label>
        </fieldset>
      ) : null}
      <PromptField value={prompt} onInput={setPrompt} onSubmit={() => void generate()} recent={recentPrompts} />
      {each ? (
        <p class="hint">Size: each frame gets its own matched size.</p>
      ) : (
        <SizeField preset={preset} matched={matched} matchedTo={base?.name} onChange={setPreset} />
      )}
      <IntegerField id="variations" label="Variations" min={1} max={MAX_RESULTS} value={settings.numberResults} onChange={(n) => updateSettings({ ...settings, numberResults: n })} />
      <AdvancedOptions open={advanced} onToggle={() => setAdvanced(!advanced)} settings={settings} onChange={updateSettings} />
      <p class="hint" data-testid="estimate">
        Estimated cost: {formatUsd(estimateCostUsd(images))} ({plural(images, 'image')} × {formatUsd(PRICE_PER_IMAGE_USD)})
        {sessionCost > 0 ? ` · this session ${formatUsd(sessionCost)}` : ''}
      </p>
      {running ? (
        <div class="row">
          <div class="grow" role="status">
            {run.recovering ? 'Recovering an earlier run… ' : ''}
            {STAGE_TEXT[run.progress.stage]} {elapsed} s{run.progress.total > 1 ? ` · ${run.progress.placed} of ${run.progress.total} ${batch.length ? 'frames done' : 'placed'}` : ''}
          </div>
          <Button secondary onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        </div>
      ) : (
        <div>
          <Button fullWidth disabled={blocker !== undefined} onClick={() => void generate()}>
            {each ? `Generate for ${plural(nodes.length, 'frame')}` : 'Generate'}
          </Button>
          {blocker ? (
            <p class="hint" id="blocker">
              {blocker}
            </p>
          ) : null}
        </div>
      )}
      {batch.length ? <BatchStatus items={batch} busy={running} onRetry={retry} /> : null}
      {run.status === 'done' ? (
        <p class="banner ok" role="status">
          {run.message}
        </p>
      ) : null}
      {run.status === 'error' ? (
        <p class="banner error" role="alert">
          {run.message}
        </p>
      ) : null}
      <HistoryPanel
        open={historyOpen}
        onToggle={() => {
          if (!historyOpen) refreshHistory();
          setHistoryOpen(!historyOpen);
        }}
        entries={history}
        thumbnails={thumbnails}
        onReuse={(e) => setPrompt(e.prompt)}
        onSelect={(e) => send({ type: 'select-nodes', nodeIds: [...e.nodeIds] })}
      />
      <ApiKeyField value={apiKey} saved={savedKey !== null && savedKey === apiKey.trim()} problem={keyProblem} onInput={setApiKey} onSave={() => void saveKey()} onForget={() => void forgetKey()} />
    </main>
  );
}

function flaggedNote(outcome: RunOutcome): string {
  return outcome.flagged ? ` ${plural(outcome.flagged, 'result')} flagged by the safety check ${outcome.flagged === 1 ? 'was' : 'were'} not placed.` : '';
}
