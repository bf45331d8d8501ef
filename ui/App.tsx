import { Button } from '@create-figma-plugin/ui';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { estimateCostUsd, formatUsd, PRICE_PER_IMAGE_USD } from '../core/pricing.ts';
import type { DevEndpoints, SelectedNode, ToUI } from '../core/protocol.ts';
import { groupHistory, parseProvenance, type HistoryEntry } from '../core/history.ts';
import { DEFAULT_SETTINGS, type Settings } from '../core/records.ts';
import { drop, move, orderFor, selectionKey, type ReferenceOrder } from '../core/referenceOrder.ts';
import { runBlocker } from '../core/runBlocker.ts';
import { apiKeyProblem } from '../core/runware/apiKey.ts';
import { MAX_RESULTS } from '../core/runware/tasks.ts';
import { DEFAULT_PRESET, findPreset, matchPreset, type SizePreset } from '../core/sizes.ts';
import { onMessage, request, send } from './bridge.ts';
import { AdvancedOptions } from './components/AdvancedOptions.tsx';
import { ApiKeyField } from './components/ApiKeyField.tsx';
import { BatchStatus } from './components/BatchStatus.tsx';
import { HistoryPanel } from './components/HistoryPanel.tsx';
import { IntegerField } from './components/IntegerField.tsx';
import { PromptField } from './components/PromptField.tsx';
import { ReferencesList } from './components/ReferencesList.tsx';
import { SizeField } from './components/SizeField.tsx';
import type { RunProgress } from './run.ts';
import { runQuick, type QuickStart } from './quickRun.ts';
import { plural, useRuns } from './useRuns.ts';
import { useThumbnails } from './useThumbnails.ts';

type Mode = 'combine' | 'each';

const STAGE_TEXT: Record<RunProgress['stage'], string> = {
  exporting: 'Exporting references…',
  uploading: 'Uploading references…',
  submitting: 'Sending to Riverflow…',
  waiting: 'Riverflow is working…',
  placing: 'Placing results…',
};

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
  const [advanced, setAdvanced] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [history, setHistory] = useState<readonly HistoryEntry[]>([]);
  const [historyVersion, setHistoryVersion] = useState(0);
  const quickStart = useRef<QuickStart | null>(null);
  const runs = useRuns(refreshHistory);
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
        else if (m.apiKey && m.pending.length > 0) void runs.recover({ apiKey: m.apiKey, endpoints: m.endpoints, transport: m.transport }, m.pending);
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

  const { run, batch, sessionCost, elapsed } = runs;
  const keyProblem = apiKey ? apiKeyProblem(apiKey) : undefined;
  const blocker = runBlocker({ apiKey: savedKey ?? '', prompt, selected: nodes.length, skipped });
  const running = run.status === 'running';
  const each = mode === 'each' && nodes.length > 1;
  const images = settings.numberResults * (each ? nodes.length : 1);

  function generate() {
    if (blocker || running || !savedKey) return;
    send({ type: 'remember-prompt', prompt });
    setRecentPrompts((r) => [prompt.trim(), ...r.filter((p) => p !== prompt.trim())].slice(0, 20));
    const connection = { apiKey: savedKey, endpoints, transport };
    if (each) void runs.each(connection, nodes.map((n) => ({ id: n.id, name: n.name, node: n, status: 'queued' as const })), { prompt, settings });
    else void runs.single(connection, { prompt, preset, nodes, settings });
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
      <PromptField value={prompt} onInput={setPrompt} onSubmit={generate} recent={recentPrompts} />
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
          <Button secondary onClick={runs.cancel}>
            Cancel
          </Button>
        </div>
      ) : (
        <div>
          <Button fullWidth disabled={blocker !== undefined} onClick={generate}>
            {each ? `Generate for ${plural(nodes.length, 'frame')}` : 'Generate'}
          </Button>
          {blocker ? (
            <p class="hint" id="blocker">
              {blocker}
            </p>
          ) : null}
        </div>
      )}
      {batch.length ? (
        <BatchStatus items={batch} busy={running} onRetry={(id) => savedKey && void runs.retry({ apiKey: savedKey, endpoints, transport }, id, { prompt, settings })} />
      ) : null}
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
