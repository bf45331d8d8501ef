import { SIZE_PRESETS, presetLabel, type SizePreset } from '../../core/sizes.ts';

interface Props {
  readonly preset: SizePreset;
  /** The preset matched to the base reference, if any. */
  readonly matched: SizePreset | undefined;
  readonly matchedTo: string | undefined;
  readonly onChange: (preset: SizePreset) => void;
}

export function SizeField({ preset, matched, matchedTo, onChange }: Props) {
  return (
    <div class="field">
      <label for="size">Size</label>
      <select
        id="size"
        class="select"
        value={preset.name}
        onChange={(e) => {
          const next = SIZE_PRESETS.find((p) => p.name === (e.currentTarget as HTMLSelectElement).value);
          if (next) onChange(next);
        }}
      >
        {SIZE_PRESETS.map((p) => (
          <option value={p.name} key={p.name}>
            {presetLabel(p)}
            {p === matched ? ' (matched)' : ''}
          </option>
        ))}
      </select>
      {matched && matchedTo ? (
        <p class="hint">{preset === matched ? `Matched to “${matchedTo}”` : `Overridden: “${matchedTo}” matches ${matched.ratio}`}</p>
      ) : null}
    </div>
  );
}
