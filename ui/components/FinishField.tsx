import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../core/errorText.ts';
import { request } from '../bridge.ts';
import { estimateText } from '../../core/format.ts';
import type { Thinking } from '../../core/outputOptions.ts';
import { quoteRun, type SpendQuote } from '../../core/spend.ts';
import { matchSize, MODELS, pricePerImage, tiersOf, type RiverflowModel } from '../../core/models.ts';
import type { SelectedNode } from '../../core/protocol/shared.ts';
import { presetLabel, type Tier } from '../../core/sizes.ts';

/** Every model at every tier it offers, the print final (2.0 Pro at 4K) first. */
const FINALS = MODELS.flatMap((model) => tiersOf(model).map((tier) => ({ model, tier, key: `${model.id}|${tier}` }))).sort(
  (a, b) => Number(b.tier === '4K') - Number(a.tier === '4K'),
);

/**
 * "Finish with…" on a selected result: the same prompt, references and ratio on a final model
 * and tier, the estimate first, one click after choosing; placed beside the draft, linked to it.
 */
export function FinishField({
  node,
  disabled,
  thinking,
  onFinish,
}: {
  readonly node: SelectedNode;
  readonly disabled: boolean;
  /** The designer's thinking effort, for a final on a model priced by it. */
  readonly thinking: Thinking | undefined;
  readonly onFinish: (final: { model: RiverflowModel; tier: Tier }, quote: SpendQuote) => void;
}) {
  const [key, setKey] = useState(FINALS[0]!.key);
  // What the final will be made from, by name, before the click (a pasted result may have none here).
  const [sources, setSources] = useState<string>('');
  useEffect(() => {
    let live = true;
    setSources('');
    request({ type: 'finish-plan', nodeId: node.id }).then(
      (plan) => live && setSources(plan.sources.length ? `References: ${plan.sources.map((s) => `“${s.name}”`).join(', ')}.` : 'Its references were deleted.'),
      (e: unknown) => live && setSources(errorText(e)),
    );
    return () => void (live = false);
  }, [node.id]);
  const result = node.result;
  if (!result) return null;
  const final = FINALS.find((f) => f.key === key) ?? FINALS[0]!;
  const size = matchSize(final.model, result.width, result.height, final.tier);
  return (
    <section class="field" aria-labelledby="finish-title">
      <h2 class="label" id="finish-title">
        Finish with…
      </h2>
      <select class="select" aria-label="Final model and tier" value={key} onChange={(e) => setKey((e.currentTarget as HTMLSelectElement).value)}>
        {FINALS.map((f) => (
          <option value={f.key} key={f.key}>
            {f.model.name} · {f.tier}
          </option>
        ))}
      </select>
      <p class="hint">
        The same prompt and references at {presetLabel(size)}, placed beside this result. Estimate: {estimateText(pricePerImage(final.model, size, thinking))}.
      </p>
      {sources ? <p class="hint">{sources}</p> : null}
      <button type="button" class="btn secondary" disabled={disabled} onClick={() => onFinish(final, quoteRun(final.model, size, 1, thinking))}>
        Finish with {final.model.name} at {final.tier}
      </button>
    </section>
  );
}
