import { Button, Disclosure } from '@create-figma-plugin/ui';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { estimateCostUsd, formatUsd, PRICE_PER_IMAGE_USD, roundCents } from '../core/pricing.ts';
import type { DevEndpoints, SelectedNode, ToUI } from '../core/protocol.ts';
import { DEFAULT_SETTINGS, type PendingTask, type Settings } from '../core/records.ts';
import { runBlocker } from '../core/runBlocker.ts';
import { apiKeyProblem } from '../core/runware/apiKey.ts';
import { MAX_QUALITY, MAX_RESULTS, MIN_QUALITY } from '../core/runware/tasks.ts';
import { DEFAULT_PRESET, findPreset, matchPreset, type SizePreset } from '../core/sizes.ts';
import { onMessage, request, send } from './bridge.ts';
import { ApiKeyField } from './components/ApiKeyField.tsx';
import { PromptField } from './components/PromptField.tsx';
import { ReferencesList } from './components/ReferencesList.tsx';
import { SizeField } from './components/SizeField.tsx';
import { makeClient } from './makeClient.ts';
import { collectResults, RunFailed, runEdit, type RunProgress } from './run.ts';

type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly progress: RunProgress; readonly startedAt: number; readonly recovering: boolean }
  | { readonly status: 'done'; readonly message: string }
  | { readonly status: 'error'; readonly message: string };

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

export function App() {
  const [ready, setReady] = useState(false);
  const [apiKey, setApiKey] = useState('');
  const [savedKey, setSavedKey] = useState<string | null>(null);
  const [endpoints, setEndpoints] = useState<DevEndpoints | null>(null);
  const [transport, setTransport] = useState<'rest' | 'ws' | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [nodes, setNodes] = useState<readonly SelectedNode[]>([]);
  const [skipped, setSkipped] = useState<readonly { name: string; reason: string }[]>([]);
  const [prompt, setPrompt] = useState('');
  const [preset, setPreset] = useState<SizePreset>(DEFAULT_PRESET);
  const [run, setRun] = useState<RunState>({ status: 'idle' });
  const [now, setNow] = useState(Date.now());
  const [sessionCost, setSessionCost] = useState(0);
  const [advanced, setAdvanced] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const relaunchSize = useRef<SizePreset | undefined>(undefined);

  const base = nodes[0];
  const matched = base ? matchPreset(base.width, base.height) : undefined;
  const baseKey = base ? `${base.id}:${base.width}x${base.height}` : '';

  // A new base reference re-matches the size; an override holds until the base changes.
  useEffect(() => {
    const fromRelaunch = relaunchSize.current;
    relaunchSize.current = undefined;
    setPreset(fromRelaunch ?? matched ?? DEFAULT_PRESET);
  }, [baseKey]);

  // A mark for the bench: time from the iframe's start to a usable panel.
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
        setNodes(m.nodes);
        setSkipped(m.skipped);
      } else if (m.type === 'init') {
        setSavedKey(m.apiKey);
        setApiKey(m.apiKey ?? '');
        setEndpoints(m.endpoints);
        setTransport(m.transport);
        setSettings(m.settings);
        if (m.relaunch) {
          setPrompt(m.relaunch.prompt);
          relaunchSize.current = findPreset(m.relaunch.width, m.relaunch.height);
        }
        setReady(true);
        if (m.apiKey && m.pending.length > 0) void recover(m.apiKey, m.endpoints, m.transport, m.pending);
      }
    });
    send({ type: 'ui-ready' });
    return stop;
  }, []);

  function updateSettings(next: Settings) {
    setSettings(next);
    send({ type: 'save-settings', settings: next });
  }

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
        const outcome = await collectResults(client, task, (progress) => setRun((r) => (r.status === 'running' ? { ...r, progress } : r)), controller.signal);
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
  const estimate = estimateCostUsd(settings.numberResults);

  async function generate() {
    if (blocker || running || !savedKey) return;
    const controller = new AbortController();
    abort.current = controller;
    const client = makeClient(savedKey, endpoints, transport);
    const startedAt = Date.now();
    setNow(startedAt);
    setRun({ status: 'running', startedAt, recovering: false, progress: { stage: 'exporting', placed: 0, total: settings.numberResults } });
    try {
      const outcome = await runEdit(client, { prompt, preset, nodes, settings }, (progress) => setRun((r) => (r.status === 'running' ? { ...r, progress } : r)), controller.signal);
      setSessionCost((c) => roundCents(c + outcome.cost));
      const flagged = outcome.flagged ? ` ${plural(outcome.flagged, 'result')} flagged by the safety check ${outcome.flagged === 1 ? 'was' : 'were'} not placed.` : '';
      const text = `Placed ${plural(outcome.placed, 'image')} beside “${nodes[0]?.name ?? 'the selection'}”.${flagged}`;
      send({ type: 'notify', message: text, error: false });
      setRun({ status: 'done', message: `${text} Cost ${formatUsd(outcome.cost)}.` });
    } catch (e) {
      const failed = e instanceof RunFailed ? e : new RunFailed(e instanceof Error ? e.message : String(e), false, 0);
      const cancelled = controller.signal.aborted;
      const message = cancelled
        ? failed.kept
          ? 'Stopped waiting. Runware had already accepted the task: its results are kept and placed the next time you open Riverflow.'
          : 'Cancelled before Runware accepted the task. Nothing was charged.'
        : failed.placed > 0
          ? `${failed.message} (${plural(failed.placed, 'result')} placed before this.)`
          : failed.message;
      setRun({ status: cancelled ? 'done' : 'error', message });
    } finally {
      client.close();
      abort.current = null;
    }
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
  const matchedTo = useMemo(() => base?.name, [base]);

  if (!ready) return <main class="app" aria-busy="true" />;

  return (
    <main class="app">
      <ReferencesList nodes={nodes} skipped={skipped} />
      <PromptField value={prompt} onInput={setPrompt} onSubmit={() => void generate()} />
      <SizeField preset={preset} matched={matched} matchedTo={matchedTo} onChange={setPreset} />
      <div class="field">
        <label for="variations">Variations</label>
        <input
          id="variations"
          class="input"
          type="number"
          min={1}
          max={MAX_RESULTS}
          value={settings.numberResults}
          onInput={(e) => {
            const n = Math.round(Number((e.currentTarget as HTMLInputElement).value));
            if (n >= 1 && n <= MAX_RESULTS) updateSettings({ ...settings, numberResults: n });
          }}
        />
      </div>
      <Disclosure open={advanced} title="Advanced" onClick={() => setAdvanced(!advanced)}>
        <div class="field">
          <label for="format">Output format</label>
          <select
            id="format"
            class="select"
            value={settings.outputFormat}
            onChange={(e) => updateSettings({ ...settings, outputFormat: (e.currentTarget as HTMLSelectElement).value as Settings['outputFormat'] })}
          >
            <option value="PNG">PNG</option>
            <option value="JPG">JPG</option>
            <option value="WEBP">WEBP (placed as PNG)</option>
          </select>
        </div>
        <div class="field">
          <label for="quality">Quality</label>
          <input
            id="quality"
            class="input"
            type="number"
            min={MIN_QUALITY}
            max={MAX_QUALITY}
            value={settings.outputQuality}
            onInput={(e) => {
              const n = Math.round(Number((e.currentTarget as HTMLInputElement).value));
              if (n >= MIN_QUALITY && n <= MAX_QUALITY) updateSettings({ ...settings, outputQuality: n });
            }}
          />
        </div>
        <div class="field row">
          <input
            id="safety"
            type="checkbox"
            checked={settings.checkContent}
            onChange={(e) => updateSettings({ ...settings, checkContent: (e.currentTarget as HTMLInputElement).checked })}
          />
          <label for="safety">Content safety check</label>
        </div>
      </Disclosure>
      <p class="hint" data-testid="estimate">
        Estimated cost: {formatUsd(estimate)} ({plural(settings.numberResults, 'image')} × {formatUsd(PRICE_PER_IMAGE_USD)})
        {sessionCost > 0 ? ` · this session ${formatUsd(sessionCost)}` : ''}
      </p>
      {running ? (
        <div class="row">
          <div class="grow" role="status">
            {run.recovering ? 'Recovering an earlier run… ' : ''}
            {STAGE_TEXT[run.progress.stage]} {elapsed} s{run.progress.total > 1 ? ` · ${run.progress.placed} of ${run.progress.total} placed` : ''}
          </div>
          <Button secondary onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        </div>
      ) : (
        <div>
          <Button fullWidth disabled={blocker !== undefined} onClick={() => void generate()}>
            Generate
          </Button>
          {blocker ? (
            <p class="hint" id="blocker">
              {blocker}
            </p>
          ) : null}
        </div>
      )}
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
      <ApiKeyField value={apiKey} saved={savedKey !== null && savedKey === apiKey.trim()} problem={keyProblem} onInput={setApiKey} onSave={() => void saveKey()} onForget={() => void forgetKey()} />
    </main>
  );
}
