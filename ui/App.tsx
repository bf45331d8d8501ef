import { useEffect, useState } from 'preact/hooks';
import { plural } from '../core/format.ts';
import type { ToUI } from '../core/protocol/toUI.ts';
import { rememberRecent } from '../core/recentPrompts.ts';
import { MAX_RESULTS } from '../core/runware/tasks.ts';
import { notify, send } from './bridge.ts';
import { AdvancedOptions } from './components/AdvancedOptions.tsx';
import { ApiKeyField, SavedKeyLine } from './components/ApiKeyField.tsx';
import { BatchStatus } from './components/BatchStatus.tsx';
import { CompositeOptions } from './components/CompositeOptions.tsx';
import { HistoryPanel } from './components/HistoryPanel.tsx';
import { IntegerField } from './components/IntegerField.tsx';
import { ModelField } from './components/ModelField.tsx';
import { ModelChoices } from './components/ModelChoices.tsx';
import { EstimateLine } from './components/EstimateLine.tsx';
import { ModesField } from './components/ModesField.tsx';
import { ProtectField } from './components/ProtectField.tsx';
import { PromptField } from './components/PromptField.tsx';
import { ReferencesList } from './components/ReferencesList.tsx';
import { ResizeHandle } from './components/ResizeHandle.tsx';
import { RunResults } from './components/RunResults.tsx';
import { RunStatus } from './components/RunStatus.tsx';
import { SizeField } from './components/SizeField.tsx';
import { ResultActions } from './components/ResultActions.tsx';
import { useConnection } from './hooks/useConnection.ts';
import { useHistory } from './hooks/useHistory.ts';
import { useLastRun } from './hooks/useLastRun.ts';
import { usePins } from './hooks/usePins.ts';
import { useRunForm } from './hooks/useRunForm.ts';
import { useRuns } from './hooks/useRuns.ts';
import { useSelection } from './hooks/useSelection.ts';
import { useSettings } from './hooks/useSettings.ts';
import { useThumbnails } from './hooks/useThumbnails.ts';
import { useSpendGate } from './hooks/useSpendGate.ts';
import { useSpend } from './hooks/useSpend.ts';
import { useChangeMeasure } from './hooks/useChangeMeasure.ts';
import { SpendConfirm } from './components/SpendConfirm.tsx';
import { DEFAULT_CONFIRM_ABOVE_USD } from '../core/spend.ts';

type Init = Extract<ToUI, { type: 'init' }>;

/** The panel's layout; state lives in the hooks, named for what they hold. */
export function App({ init }: { readonly init: Init }) {
  const key = useConnection(init);
  const selection = useSelection();
  const pins = usePins();
  const history = useHistory();
  const { settings, update: updateSettings } = useSettings(init.settings);
  const lastRun = useLastRun(history.refresh);
  const spent = useSpend(init.monthSpend);
  const runs = useRuns(history.refresh, lastRun.record, spent.charged);
  const measures = useChangeMeasure(lastRun.run, lastRun.sourcePreview);
  const form = useRunForm({ init, apiKey: key.savedKey, selection, pins, history: history.entries, settings, updateSettings });
  const { prompt, setPrompt, preset, setPreset, mode, setMode, areaOnly, setAreaOnly, each, pinned, nodes, skipped, matched, images } = form;
  const { area, areaPlan, textLayers, keepTextSharp } = form.choice;
  const [recentPrompts, setRecentPrompts] = useState<readonly string[]>(init.recentPrompts);
  const [advanced, setAdvanced] = useState(false);
  const [colourProblem, setColourProblem] = useState<string | undefined>();
  const blocker = form.blocker ?? colourProblem;
  const [changingKey, setChangingKey] = useState(false);
  const [seen, setSeen] = useState<ReadonlySet<string>>(new Set());
  const [historySeen, setHistorySeen] = useState<ReadonlySet<string>>(new Set());
  const { base } = selection;
  // Frames can change between runs, so their previews refresh after each run; a result's picture
  // never changes, so it is fetched once, and only when its row is on screen with History open.
  const thumbnails = useThumbnails(
    nodes.filter((n) => seen.has(n.id)).map((n) => n.id),
    String(history.version),
  );
  const historyThumbnails = useThumbnails(history.open ? [...historySeen] : []);

  useEffect(() => {
    performance.mark('riverflow-interactive');
    if (key.connection && init.pending.length > 0) void runs.recover(key.connection, init.pending);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the panel opens
  }, []);

  const { run, batch, elapsed } = runs;
  const refused = run.status === 'error' && run.keyRefused ? run.message : undefined;
  const showKeyStep = !key.savedKey || changingKey || refused !== undefined;
  // Models Runware said are switched off stay marked for the session (it may switch them on again later).
  const [unavailable, setUnavailable] = useState<ReadonlySet<string>>(new Set());
  const off = run.status === 'error' ? run.unavailableModel : undefined;
  useEffect(() => {
    if (off) setUnavailable((u) => new Set([...u, off]));
  }, [off]);
  const running = run.status === 'running';

  const spend = useSpendGate(settings.confirmAboveUsd);
  // A changed run is a different amount: the question asked about the old one no longer stands.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what the amount depends on, not on the gate itself
  useEffect(() => spend.cancel(), [form.quote.usd, form.model.id, base?.id]);

  function generate() {
    const connection = key.connection;
    if (blocker || running || !connection) return;
    spend.gate(form.plan.kind === 'each' ? `Generate for ${plural(nodes.length, 'frame')}` : 'Generate', form.quote, () => start(connection));
  }

  function start(connection: NonNullable<typeof key.connection>) {
    send({ type: 'remember-prompt', prompt });
    setRecentPrompts((r) => rememberRecent(r, prompt));
    lastRun.clear();
    const plan = form.plan;
    if (plan.kind === 'each') void runs.each(connection, plan.items, plan.input);
    else void runs.single(connection, plan.input);
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
      {selection.layer ? <ProtectField layer={selection.layer} /> : null}
      {selection.nodes.length > 1 ? <ModesField mode={mode} onChange={setMode} /> : null}
      <ModelField model={form.model} onChange={form.setModel} unavailable={unavailable} />
      <ModelChoices model={form.model} size={form.size} settings={settings} onChange={updateSettings} onColourProblem={setColourProblem} />
      <PromptField value={prompt} onInput={setPrompt} onSubmit={generate} recent={recentPrompts} maxLength={form.model.limits.maxPrompt} />
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
        <p class="hint">Size: each frame gets its own matched size, at {preset.tier}.</p>
      ) : areaPlan ? null : (
        <SizeField sizes={form.model.sizes} preset={preset} matched={matched} matchedTo={base?.name} onChange={setPreset} />
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
      <EstimateLine estimate={form.estimate} each={form.pricePerImage} images={images} model={form.model.name} session={spent.session} month={spent.month} />
      {spend.pending ? (
        <SpendConfirm
          pending={spend.pending}
          thresholdUsd={settings.confirmAboveUsd ?? DEFAULT_CONFIRM_ABOVE_USD}
          onSpend={spend.spend}
          onCancel={spend.cancel}
        />
      ) : null}
      <RunStatus
        run={run}
        elapsed={elapsed}
        batch={batch.length > 0}
        blocker={blocker}
        each={each ? nodes.length : 0}
        refused={refused !== undefined}
        onGenerate={generate}
        onCancel={runs.cancel}
        onRetryPlacing={() => key.connection && void runs.retryPlacing(key.connection)}
        onDiscard={() => void runs.discard()}
      />
      {selection.nodes.length === 1 && base?.result && key.connection ? (
        <ResultActions
          node={base}
          settings={settings}
          onSettings={updateSettings}
          disabled={running}
          gate={spend.gate}
          upscale={(f, onRefused) => key.connection && void runs.upscale(key.connection, base, f, onRefused)}
          finish={(final) => key.connection && void runs.finish(key.connection, base, final, settings)}
        />
      ) : null}
      {lastRun.run && !running ? (
        <RunResults
          run={lastRun.run}
          sourcePreview={lastRun.sourcePreview}
          measures={measures}
          onKeep={(r) => void lastRun.keep(r)}
          onEditThis={(r) => void lastRun.editThis(r)}
          onDismiss={lastRun.clear}
        />
      ) : null}
      {batch.length ? <BatchStatus items={batch} busy={running} onRetry={(id) => key.connection && void runs.retry(key.connection, id)} /> : null}
      <HistoryPanel
        open={history.open}
        onToggle={history.toggle}
        entries={history.entries}
        thumbnails={historyThumbnails}
        onVisible={(ids) => setHistorySeen((prev) => (ids.every((id) => prev.has(id)) ? prev : new Set([...prev, ...ids])))}
        onReusePrompt={(e) => setPrompt(e.prompt)}
        onReuseSettings={form.reuse}
        onStar={(e, starred) => void history.star(e.nodeIds, starred)}
        onSelect={(e) => void history.select(e.nodeIds)}
      />
      {!showKeyStep ? <SavedKeyLine onChange={() => setChangingKey(true)} /> : null}
      <ResizeHandle />
    </main>
  );
}
