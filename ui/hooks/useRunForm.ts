import { useEffect, useRef, useState } from 'preact/hooks';
import { chooseComposite } from '../../core/composite/choice.ts';
import { estimateCostUsd } from '../../core/pricing.ts';
import type { ToUI } from '../../core/protocol/toUI.ts';
import { withPins } from '../../core/records/pins.ts';
import type { Settings } from '../../core/records/settings.ts';
import { runBlocker } from '../../core/runBlocker.ts';
import { MAX_REFERENCES, MAX_RESULTS } from '../../core/runware/tasks.ts';
import { DEFAULT_PRESET, findPreset, matchPreset, type SizePreset } from '../../core/sizes.ts';
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
 * The run form's policy, out of the layout: the prompt and size (matched to the base, kept across
 * a relaunch, re-matched when the base changes), the reference limit and the pins rule, the area
 * and kept-text choice, why Generate cannot run, the estimate, Reuse settings; it returns a plan.
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
  const { init, selection, pins, settings } = options;
  const [prompt, setPrompt] = useState(init.relaunch?.prompt ?? '');
  const [preset, setPreset] = useState<SizePreset>(DEFAULT_PRESET);
  const [mode, setMode] = useState<'combine' | 'each'>('combine');
  const [areaOnly, setAreaOnly] = useState(true);
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
  const choice = chooseComposite({ base, area: selection.area, areaOnly, batch: each, settings });

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
    const last = base && options.history.find((e) => e.sourceNodeId === base.id);
    if (last) setPrompt((p) => (p.trim() ? p : last.prompt));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above: keyed on the base alone
  }, [baseKey]);

  const blocker = runBlocker({ apiKey: options.apiKey ?? '', prompt, selected: selection.nodes.length, skipped: selection.skipped });
  const images = settings.numberResults * (each ? nodes.length : 1);
  const plan: RunPlan = each
    ? { kind: 'each', items: nodes.map((n) => ({ id: n.id, name: n.name, node: n, status: 'queued' as const })), input: { prompt, settings, extra: pinned } }
    : {
        kind: 'single',
        input: {
          prompt,
          preset: choice.areaPlan?.preset ?? preset,
          nodes,
          settings,
          ...(choice.composite ? { composite: choice.composite } : {}),
          ...(choice.hide ? { hide: choice.hide } : {}),
        },
      };

  /** History's "Reuse settings": prompt, size, variations and output options at once. */
  function reuse(e: HistoryEntry) {
    setPrompt(e.prompt);
    setPreset(findPreset(e.width, e.height) ?? DEFAULT_PRESET);
    options.updateSettings({ ...settings, ...e.options, numberResults: Math.min(MAX_RESULTS, e.count) });
  }

  return {
    ...{ prompt, setPrompt, preset, setPreset, mode, setMode, areaOnly, setAreaOnly },
    ...{ each, pinned, nodes, skipped, matched, choice, blocker, images, estimate: estimateCostUsd(images), plan, reuse },
  };
}
