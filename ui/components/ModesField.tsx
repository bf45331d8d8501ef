interface Props {
  readonly mode: 'combine' | 'each';
  readonly onChange: (mode: 'combine' | 'each') => void;
}

/** With several frames selected: one edit combining them as references, or each frame edited alone. */
export function ModesField({ mode, onChange }: Props) {
  return (
    <fieldset class="field modes">
      <legend class="label">With several frames</legend>
      <label class="row">
        <input class="native" type="radio" name="mode" checked={mode === 'combine'} onChange={() => onChange('combine')} /> Combine as references
      </label>
      <label class="row">
        <input class="native" type="radio" name="mode" checked={mode === 'each'} onChange={() => onChange('each')} /> Edit each frame
      </label>
    </fieldset>
  );
}
