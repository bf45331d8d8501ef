import { formatUsd } from '../../core/format.ts';
import { MODELS, pricePerImage, publishedPrices, tiersOf, type RiverflowModel } from '../../core/models.ts';

/** "from $0.02" over a model's published prices, and which tiers have none (2.5 Fast's 2K). */
function fromPrice(model: RiverflowModel): string {
  const prices = publishedPrices(model);
  const low = Math.min(...prices);
  const unpriced = tiersOf(model).filter((t) => model.sizes.every((s) => s.tier !== t || pricePerImage(model, s) === undefined));
  const price = low === Math.max(...prices) ? formatUsd(low) : `from ${formatUsd(low)}`;
  return `${price} an image${unpriced.length ? ` (${unpriced.join(', ')}: price not published)` : ''}`;
}

interface Props {
  readonly model: RiverflowModel;
  readonly onChange: (model: RiverflowModel) => void;
  /** Ids of models Runware said are switched off this session. */
  readonly unavailable: ReadonlySet<string>;
}

/** The Riverflow model, remembered per user and used by the quick edit too. */
export function ModelField({ model, onChange, unavailable }: Props) {
  return (
    <div class="field">
      <label for="model">Model</label>
      <select
        id="model"
        class="select"
        value={model.id}
        onChange={(e) => {
          const next = MODELS.find((m) => m.id === (e.currentTarget as HTMLSelectElement).value);
          if (next) onChange(next);
        }}
      >
        {MODELS.map((m) => (
          <option value={m.id} key={m.id}>
            {m.name} — {unavailable.has(m.id) ? 'not available on Runware right now' : m.purpose}
          </option>
        ))}
      </select>
      <p class="hint">
        {tiersOf(model).join(', ')} · {fromPrice(model)} · up to {model.limits.maxReferences} references
      </p>
    </div>
  );
}
