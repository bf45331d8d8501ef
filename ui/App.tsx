import { useEffect, useState } from 'preact/hooks';
import { formatUsd, plural } from '../core/format.ts';
import type { ToUI } from '../core/protocol/toUI.ts';
import { rememberRecent } from '../core/recentPrompts.ts';
import { MAX_RESULTS } from '../core/runware/tasks.ts';
import { notify, send } from './bridge.ts';
import { AdvancedOptions } from './components/AdvancedOptions.tsx';
import { ApiKeyField, SavedKeyLine } from './components/ApiKeyField.tsx';
import { BatchStatus } from './components/BatchStatus.tsx';
import { CompositeOptions } from './components/CompositeOptions.tsx';
import { HistoryPanel } from './components/HistoryPanel.tsx';
import { FinishField } from './components/FinishField.tsx';
import { IntegerField } from './components/IntegerField.tsx';
import { ModelField } from './components/ModelField.tsx';
import { ModelChoices, estimateWords } from './components/ModelChoices.tsx';
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
import { useRunForm } from './hooks/useRunForm.ts';
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

  const { run, batch, sessionCost, elapsed } = runs;
  const refused = run.status === 'error' && run.keyRefused ? run.message : undefined;
  const showKeyStep = !key.savedKey || changingKey || refused !== undefined;
  // Models Runware said are switched off stay marked for the session (it may switch them on again later).
  const [unavailable, setUnavailable] = useState<ReadonlySet<string>>(new Set());
  const off = run.status === 'error' ? run.unavailableModel : undefined;
  useEffect(() => {
    if (off) setUnavailable((u) => new Set([...u, off]));
  }, [off]);
  const running = run.status === 'running';

  function generate() {
    const connection = key.connection;
    if (blocker || running || !connection) return;
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
      <p class="hint" data-testid="estimate">
        Estimated cost: {estimateWords(form.estimate, form.pricePerImage, plural(images, 'image'), form.model.name)}
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
        onRetryPlacing={() => key.connection && void runs.retryPlacing(key.connection)}
        onDiscard={() => void runs.discard()}
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
      {selection.nodes.length === 1 && base?.result && !base.result.upscaled && key.connection ? (
        <FinishField
          node={base}
          disabled={running}
          thinking={settings.thinking}
          onFinish={(final) => key.connection && void runs.finish(key.connection, base, final, settings)}
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
