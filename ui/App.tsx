import { useEffect, useRef, useState } from 'preact/hooks';
import { formatUsd, plural } from '../core/format.ts';
import { estimateCostUsd, PRICE_PER_IMAGE_USD } from '../core/pricing.ts';
import type { ToUI } from '../core/protocol/toUI.ts';
import { rememberRecent } from '../core/recentPrompts.ts';
import { runBlocker } from '../core/runBlocker.ts';
import { withPins } from '../core/records/pins.ts';
import { MAX_REFERENCES, MAX_RESULTS } from '../core/runware/tasks.ts';
import { chooseComposite } from '../core/composite/choice.ts';
import { DEFAULT_PRESET, findPreset, matchPreset, type SizePreset } from '../core/sizes.ts';
import { notify, send } from './bridge.ts';
import { AdvancedOptions } from './components/AdvancedOptions.tsx';
import { ApiKeyField, SavedKeyLine } from './components/ApiKeyField.tsx';
import { BatchStatus } from './components/BatchStatus.tsx';
import { CompositeOptions } from './components/CompositeOptions.tsx';
import { HistoryPanel } from './components/HistoryPanel.tsx';
import { IntegerField } from './components/IntegerField.tsx';
import { PromptField } from './components/PromptField.tsx';
import { ReferencesList } from './components/ReferencesList.tsx';
import { ResizeHandle } from './components/ResizeHandle.tsx';
import { RunResults } from './components/RunResults.tsx';
import { RunStatus } from './components/RunStatus.tsx';
import { SizeField } from './components/SizeField.tsx';
import { UpscaleField } from './components/UpscaleField.tsx';
import { useConnection } from './hooks/useConnection.ts';
import { useHistory } from './hooks/useHistory.ts';
import { useLastRun } from './hooks/useLastRun.ts';
import { usePins } from './hooks/usePins.ts';
import { useRuns } from './hooks/useRuns.ts';
import { useSelection } from './hooks/useSelection.ts';
import { useSettings } from './hooks/useSettings.ts';
import { useThumbnails } from './hooks/useThumbnails.ts';

type Init = Extract<ToUI, { type: 'init' }>;

/** The panel's layout; state lives in the hooks, named for what they hold. */
export function App({ init }: { readonly init: Init }) {
  const key = useConnection(init);
  const selection = useSelection();
  const pins = usePins();
  const history = useHistory();
  const { settings, update: updateSettings } = useSettings(init.settings);
  const lastRun = useLastRun(history.refresh);
  const runs = useRuns(history.refresh, lastRun.record);
  const [prompt, setPrompt] = useState(init.relaunch?.prompt ?? '');
  const [recentPrompts, setRecentPrompts] = useState<readonly string[]>(init.recentPrompts);
  const [preset, setPreset] = useState<SizePreset>(DEFAULT_PRESET);
  const [mode, setMode] = useState<'combine' | 'each'>('combine');
  const [advanced, setAdvanced] = useState(false);
  const [changingKey, setChangingKey] = useState(false);
  const [areaOnly, setAreaOnly] = useState(true);
  const [seen, setSeen] = useState<ReadonlySet<string>>(new Set());
  const [historySeen, setHistorySeen] = useState<ReadonlySet<string>>(new Set());
  // An area result's recorded size is its crop's: editing it again matches the whole frame instead.
  const relaunchSize = useRef(init.relaunch && !init.relaunch.area ? findPreset(init.relaunch.width, init.relaunch.height) : undefined);
  const { base } = selection;
  const each = mode === 'each' && selection.nodes.length > 1;
  // Riverflow reads at most 10 references: the limit belongs to combining, not to a batch.
  // Pins follow the selected frames in every run, and count toward the 10.
  const combined = withPins(selection.nodes, pins.nodes);
  const pinned = pins.nodes.filter((p) => !selection.nodes.some((n) => n.id === p.id));
  const nodes = each ? selection.nodes : combined.sent;
  const overLimit = (each ? [] : combined.left).map((n) => ({ name: n.name, reason: `is past the ${MAX_REFERENCES}-reference limit` }));
  const skipped = [...selection.skipped, ...overLimit];
  const matched = base ? matchPreset(base.width, base.height) : undefined;
  const { area, areaPlan, textLayers, keepTextSharp, composite, hide } = chooseComposite({ base, area: selection.area, areaOnly, batch: each, settings });
  // Frames can change between runs, so their previews refresh after each run; a result's picture
  // never changes, so it is fetched once, and only when its row is on screen with History open.
  const thumbnails = useThumbnails(
    nodes.filter((n) => seen.has(n.id)).map((n) => n.id),
    String(history.version),
  );
  const historyThumbnails = useThumbnails(history.open ? [...historySeen] : []);

  const baseKey = base ? `${base.id}:${base.width}x${base.height}` : '';
  // A newly marked area starts with "Edit only this area" on.
  useEffect(() => setAreaOnly(true), [selection.area?.markerId]);
  // A new base reference re-matches the size; an override holds until the base changes.
  // Only a change of base may reset them, so the other values are read, not watched.
  useEffect(() => {
    // The relaunched result's size is for the first base the panel sees: the selection can arrive after the first render.
    const fromRelaunch = base ? relaunchSize.current : undefined;
    if (base) relaunchSize.current = undefined;
    setPreset(fromRelaunch ?? matched ?? DEFAULT_PRESET);
    // A frame edited before: offer its last prompt, unless one is being written.
    const last = base && history.entries.find((e) => e.sourceNodeId === base.id);
    if (last) setPrompt((p) => (p.trim() ? p : last.prompt));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above: keyed on the base alone
  }, [baseKey]);

  useEffect(() => {
    performance.mark('riverflow-interactive');
    if (key.connection && init.pending.length > 0) void runs.recover(key.connection, init.pending);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the panel opens
  }, []);

  const { run, batch, sessionCost, elapsed } = runs;
  const refused = run.status === 'error' && run.keyRefused ? run.message : undefined;
  const showKeyStep = !key.savedKey || changingKey || refused !== undefined;
  const blocker = runBlocker({ apiKey: key.savedKey ?? '', prompt, selected: selection.nodes.length, skipped: selection.skipped });
  const running = run.status === 'running';
  const images = settings.numberResults * (each ? nodes.length : 1);

  function generate() {
    const connection = key.connection;
    if (blocker || running || !connection) return;
    send({ type: 'remember-prompt', prompt });
    setRecentPrompts((r) => rememberRecent(r, prompt));
    lastRun.clear();
    if (each)
      void runs.each(
        connection,
        nodes.map((n) => ({ id: n.id, name: n.name, node: n, status: 'queued' as const })),
        { prompt, settings, extra: pinned },
      );
    else
      void runs.single(connection, {
        prompt,
        preset: areaPlan?.preset ?? preset,
        nodes,
        settings,
        ...(composite ? { composite } : {}),
        ...(hide ? { hide } : {}),
      });
  }

  async function saveKey() {
    await key.save();
    setChangingKey(false);
    runs.clear();
    notify('Runware key saved');
  }

  return (
    <main class="app" onKeyDown={(e: KeyboardEvent) => e.key === 'Escape' && running && runs.cancel()}>
      <h1 class="visually-hidden">Riverflow</h1>
      {showKeyStep ? (
        <ApiKeyField
          value={key.draft}
          problem={key.problem}
          refused={refused}
          changing={key.savedKey !== null && !refused}
          onInput={key.setDraft}
          onSave={() => void saveKey()}
          onForget={() => void key.forget().then(() => setChangingKey(false))}
          onCancel={() => setChangingKey(false)}
        />
      ) : null}
      {init.pendingElsewhere > 0 ? (
        <p class="hint">
          {plural(init.pendingElsewhere, 'earlier run')} from another file {init.pendingElsewhere === 1 ? 'is' : 'are'} waiting there: open that file to place{' '}
          {init.pendingElsewhere === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
      <ReferencesList
        onVisible={(ids) => setSeen((prev) => (ids.every((id) => prev.has(id)) ? prev : new Set([...prev, ...ids])))}
        nodes={nodes}
        movable={Math.min(selection.nodes.length, nodes.length)}
        pinned={pins.ids}
        onPin={(id, on) => void pins.pin(id, on)}
        skipped={skipped}
        baseRule={selection.baseRule}
        thumbnails={thumbnails}
        onMove={selection.moveReference}
        onRemove={selection.dropReference}
        onReset={selection.reordered ? selection.resetOrder : undefined}
      />
      {pins.missing ? (
        <p class="hint warn">
          {pins.missing === 1 ? 'A pinned reference was deleted: it is skipped.' : `${pins.missing} pinned references were deleted: they are skipped.`}
        </p>
      ) : null}
      {each && pinned.length ? <p class="hint">Pinned, sent with each frame: {pinned.map((p) => `“${p.name}”`).join(', ')}.</p> : null}
      {selection.nodes.length > 1 ? (
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
      <CompositeOptions
        area={area}
        areaOnly={areaOnly}
        onAreaOnly={setAreaOnly}
        areaPreset={areaPlan?.preset}
        textLayers={textLayers}
        keepTextSharp={keepTextSharp}
        onKeepTextSharp={(on) => updateSettings({ ...settings, keepTextSharp: on })}
      />
      {each ? (
        <p class="hint">Size: each frame gets its own matched size.</p>
      ) : areaPlan ? null : (
        <SizeField preset={preset} matched={matched} matchedTo={base?.name} onChange={setPreset} />
      )}
      <IntegerField
        id="variations"
        label="Variations"
        min={1}
        max={MAX_RESULTS}
        value={settings.numberResults}
        onChange={(n) => updateSettings({ ...settings, numberResults: n })}
      />
      <AdvancedOptions open={advanced} onToggle={() => setAdvanced(!advanced)} settings={settings} onChange={updateSettings} />
      <p class="hint" data-testid="estimate">
        Estimated cost: {formatUsd(estimateCostUsd(images))} ({plural(images, 'image')} × {formatUsd(PRICE_PER_IMAGE_USD)})
        {sessionCost > 0 ? ` · this session ${formatUsd(sessionCost)}` : ''}
      </p>
      <RunStatus
        run={run}
        elapsed={elapsed}
        batch={batch.length > 0}
        blocker={blocker}
        each={each ? nodes.length : 0}
        refused={refused !== undefined}
        onGenerate={generate}
        onCancel={runs.cancel}
      />
      {selection.nodes.length === 1 && base?.result && key.connection ? (
        <UpscaleField
          node={base}
          refused={settings.refusedUpscaleFactors ?? []}
          disabled={running}
          onUpscale={(f) =>
            key.connection &&
            void runs.upscale(key.connection, base, f, () =>
              updateSettings({ ...settings, refusedUpscaleFactors: [...(settings.refusedUpscaleFactors ?? []), f] }),
            )
          }
        />
      ) : null}
      {lastRun.run && !running ? (
        <RunResults
          run={lastRun.run}
          sourcePreview={lastRun.sourcePreview}
          onKeep={(r) => void lastRun.keep(r)}
          onEditThis={(r) => void lastRun.editThis(r)}
          onDismiss={lastRun.clear}
        />
      ) : null}
      {batch.length ? (
        <BatchStatus
          items={batch}
          busy={running}
          onRetry={(id) => key.connection && void runs.retry(key.connection, id, { prompt, settings, extra: pinned })}
        />
      ) : null}
      <HistoryPanel
        open={history.open}
        onToggle={history.toggle}
        entries={history.entries}
        thumbnails={historyThumbnails}
        onVisible={(ids) => setHistorySeen((prev) => (ids.every((id) => prev.has(id)) ? prev : new Set([...prev, ...ids])))}
        onReusePrompt={(e) => setPrompt(e.prompt)}
        onReuseSettings={(e) => {
          setPrompt(e.prompt);
          setPreset(findPreset(e.width, e.height) ?? DEFAULT_PRESET);
          updateSettings({ ...settings, ...e.options, numberResults: Math.min(MAX_RESULTS, e.count) });
        }}
        onStar={(e, starred) => void history.star(e.nodeIds, starred)}
        onSelect={(e) => void history.select(e.nodeIds)}
      />
      {!showKeyStep ? <SavedKeyLine onChange={() => setChangingKey(true)} /> : null}
      <ResizeHandle />
    </main>
  );
}
