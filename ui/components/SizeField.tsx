import { presetLabel, type SizePreset, type Tier } from '../../core/sizes.ts';

interface Props {
  /** The chosen model's sizes, in its page's order. */
  readonly sizes: readonly SizePreset[];
  readonly preset: SizePreset;
  /** The preset matched to the base reference, if any. */
  readonly matched: SizePreset | undefined;
  readonly matchedTo: string | undefined;
  readonly onChange: (preset: SizePreset) => void;
}

export function SizeField({ sizes, preset, matched, matchedTo, onChange }: Props) {
  const tiers = [...new Set(sizes.map((s) => s.tier))];
  const option = (p: SizePreset) => (
    <option value={p.name} key={p.name}>
      {presetLabel(p)}
      {p === matched ? ' (matched)' : ''}
    </option>
  );
  const group = (tier: Tier) => (
    <optgroup label={tier} key={tier}>
      {sizes.filter((s) => s.tier === tier).map(option)}
    </optgroup>
  );
  return (
    <div class="field">
      <label for="size">Size</label>
      <select
        id="size"
        class="select"
        value={preset.name}
        onChange={(e) => {
          const next = sizes.find((p) => p.name === (e.currentTarget as HTMLSelectElement).value);
          if (next) onChange(next);
        }}
      >
        {tiers.length > 1 ? tiers.map(group) : sizes.map(option)}
      </select>
      {matched && matchedTo ? (
        <p class="hint">{preset === matched ? `Matched to “${matchedTo}”` : `Overridden: “${matchedTo}” matches ${matched.ratio}`}</p>
      ) : null}
    </div>
  );
}
