import { useEffect, useRef, useState } from 'preact/hooks';
import { chooseComposite } from '../../core/composite/choice.ts';
import { carrySize, estimateUsd, knownModel, matchSize, modelOf, pricePerImage, sizeOf, type RiverflowModel } from '../../core/models.ts';
import type { ToUI } from '../../core/protocol/toUI.ts';
import { withPins } from '../../core/records/pins.ts';
import type { Settings } from '../../core/records/settings.ts';
import { runBlocker } from '../../core/runBlocker.ts';
import { quoteRun } from '../../core/spend.ts';
import { MAX_RESULTS } from '../../core/runware/tasks.ts';
import type { SizePreset } from '../../core/sizes.ts';
import type { HistoryEntry } from '../../core/history.ts';
import type { BatchInput, EditInput } from './useRuns.ts';
import type { BatchItem } from '../run/panelState.ts';
import type { useSelection } from './useSelection.ts';
import type { usePins } from './usePins.ts';

type Init = Extract<ToUI, { type: 'init' }>;

/** What Generate would do now: one edit, or each frame alone (with the pins after each). */
export type RunPlan =
  { readonly kind: 'single'; readonly input: EditInput } | { readonly kind: 'each'; readonly items: BatchItem[]; readonly input: BatchInput };

/**
 * The run form's policy, out of the layout: the model (remembered), the prompt and size (matched
 * to the base within the model's ratios at the chosen tier, kept across a relaunch, re-matched
 * when the base changes), the model's reference limit and the pins rule, the area and kept-text
 * choice, why Generate cannot run, the estimate at the model's price, Reuse settings; it returns a plan.
 */
export function useRunForm(options: {
  readonly init: Init;
  readonly apiKey: string | null;
  readonly selection: ReturnType<typeof useSelection>;
  readonly pins: ReturnType<typeof usePins>;
  readonly history: readonly HistoryEntry[];
  readonly settings: Settings;
  readonly updateSettings: (next: Settings) => void;
}) {
  const { init, selection, pins, settings, updateSettings } = options;
  const relaunch = init.relaunch;
  const model = modelOf(settings.model);
  const [prompt, setPrompt] = useState(relaunch?.prompt ?? '');
  const [preset, setPresetState] = useState<SizePreset>(() => matchSize(model, 1, 1, settings.tier));
  const [mode, setMode] = useState<'combine' | 'each'>('combine');
  const [areaOnly, setAreaOnly] = useState(true);
  // Edit again restores the result's model and size. An area result's recorded size is its crop's:
  // editing it again matches the whole frame instead.
  const relaunchModel = knownModel(relaunch?.model);
  const relaunchSize = useRef(relaunchModel && relaunch && !relaunch.area ? sizeOf(relaunchModel, relaunch.width, relaunch.height) : undefined);
  useEffect(() => {
    if (relaunchModel && relaunchModel.id !== settings.model)
      updateSettings({ ...settings, model: relaunchModel.id, tier: relaunchSize.current?.tier ?? settings.tier });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the panel opens
  }, []);
  const { base } = selection;
  const each = mode === 'each' && selection.nodes.length > 1;
  // The model reads a limited number of references: the limit belongs to combining, not to a batch.
  // Pins follow the selected frames in every run, and count toward the limit.
  const limit = model.limits.maxReferences;
  const combined = withPins(selection.nodes, pins.nodes, limit);
  const pinned = pins.nodes.filter((p) => !selection.nodes.some((n) => n.id === p.id));
  const nodes = each ? selection.nodes : combined.sent;
  const overLimit = (each ? [] : combined.left).map((n) => ({ name: n.name, reason: `is past ${model.name}’s ${limit}-reference limit` }));
  const skipped = [...selection.skipped, ...overLimit];
  const matched = base ? matchSize(model, base.width, base.height, settings.tier) : undefined;
  const choice = chooseComposite({ base, area: selection.area, areaOnly, batch: each, settings });

  /** A size chosen in the Size control: its tier is remembered for the next frame and the quick edit. */
  function setPreset(next: SizePreset) {
    setPresetState(next);
    if (next.tier !== settings.tier) updateSettings({ ...settings, tier: next.tier });
  }
  /** Switching model keeps the ratio and the tier where the new model has them. */
  function setModel(next: RiverflowModel) {
    const size = carrySize(preset, next);
    setPresetState(size);
    updateSettings({ ...settings, model: next.id, tier: size.tier });
  }

  // The model joins the key only while a relaunched size waits for its model: a model switch itself
  // carries the chosen size over (setModel), so an override of the ratio survives it.
  const baseKey = base ? `${base.id}:${base.width}x${base.height}${relaunchSize.current ? `:${model.id}` : ''}` : '';
  // A newly marked area starts with "Edit only this area" on.
  useEffect(() => setAreaOnly(true), [selection.area?.markerId]);
  // A new base reference re-matches the size; an override holds until the base changes.
  // Only a change of base may reset them, so the other values are read, not watched.
  useEffect(() => {
    // The relaunched result's size is for the first base the panel sees: the selection can arrive after the first render.
    // It waits until the relaunched result's model is the panel's (restored just above).
    const ready = base && (!relaunchModel || model.id === relaunchModel.id);
    const fromRelaunch = ready ? relaunchSize.current : undefined;
    if (ready) relaunchSize.current = undefined;
    setPresetState(fromRelaunch ?? matched ?? carrySize(preset, model));
    // A frame edited before: offer its last prompt, unless one is being written.
    const last = base && options.history.find((e) => e.sourceNodeId === base.id);
    if (last) setPrompt((p) => (p.trim() ? p : last.prompt));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above: keyed on the base alone
  }, [baseKey]);

  const blocker = runBlocker({ apiKey: options.apiKey ?? '', prompt, selected: selection.nodes.length, skipped: selection.skipped, limits: model.limits });
  const images = settings.numberResults * (each ? nodes.length : 1);
  const size = choice.areaPlan?.preset ?? preset;
  const plan: RunPlan = each
    ? {
        kind: 'each',
        items: nodes.map((n) => ({ id: n.id, name: n.name, node: n, status: 'queued' as const })),
        input: { prompt, settings: { ...settings, tier: preset.tier }, extra: pinned },
      }
    : {
        kind: 'single',
        input: {
          prompt,
          preset: size,
          nodes,
          settings,
          ...(choice.composite ? { composite: choice.composite } : {}),
          ...(choice.hide ? { hide: choice.hide } : {}),
        },
      };

  /** History's "Reuse settings": model, prompt, size, variations and output options at once. */
  function reuse(e: HistoryEntry) {
    const used = knownModel(e.model) ?? model;
    const size = sizeOf(used, e.width, e.height) ?? carrySize(preset, used);
    setPrompt(e.prompt);
    setPresetState(size);
    updateSettings({ ...settings, ...e.options, model: used.id, tier: size.tier, numberResults: Math.min(MAX_RESULTS, e.count) });
  }

  return {
    ...{ model, setModel, prompt, setPrompt, preset, setPreset, mode, setMode, areaOnly, setAreaOnly },
    ...{ each, pinned, nodes, skipped, matched, choice, blocker, images, plan, reuse },
    size,
    quote: quoteRun(model, size, images, settings.thinking),
    estimate: estimateUsd(model, size, images, settings.thinking),
    pricePerImage: pricePerImage(model, size, settings.thinking),
  };
}
