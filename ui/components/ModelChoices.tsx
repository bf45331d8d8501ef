import { useEffect, useState } from 'preact/hooks';
import { formatUsd } from '../../core/format.ts';
import { pricePerImage, type RiverflowModel } from '../../core/models.ts';
import { DEFAULT_THINKING, HEX_COLOUR, type BackgroundMode, type Thinking } from '../../core/outputOptions.ts';
import type { Settings } from '../../core/records/settings.ts';
import { DEFAULT_BACKGROUND_COLOUR } from '../../core/runOptions.ts';
import type { SizePreset } from '../../core/sizes.ts';

interface Props {
  readonly model: RiverflowModel;
  readonly size: SizePreset;
  readonly settings: Settings;
  readonly onChange: (settings: Settings) => void;
  /** Why the colour typed cannot be sent (Generate waits for a valid one); undefined when it can. */
  readonly onColourProblem: (problem: string | undefined) => void;
}

const THINKING_WORDS: Record<Thinking, string> = { low: 'Low', medium: 'Medium', high: 'High' };
const BACKGROUND_WORDS: Record<BackgroundMode, string> = { original: 'Original', transparent: 'Transparent (cutout)', solid: 'Solid colour' };
export const COLOUR_PROBLEM = 'Write the background colour as #RRGGBB, for example #FFFFFF.';

/**
 * Riverflow 2.5's own choices, shown only for a model that takes them: Thinking (how many
 * candidates it makes and judges, priced per level) and Background (a cutout on nothing or on one colour).
 */
export function ModelChoices({ model, size, settings, onChange, onColourProblem }: Props) {
  const choices = model.choices;
  const mode = settings.backgroundMode ?? 'original';
  const [colour, setColour] = useState(settings.backgroundColor ?? DEFAULT_BACKGROUND_COLOUR);
  // A colour set from elsewhere (History's Reuse settings) replaces what the field shows.
  useEffect(() => {
    if (settings.backgroundColor) setColour((typed) => (typed.toUpperCase() === settings.backgroundColor ? typed : settings.backgroundColor!));
  }, [settings.backgroundColor]);
  const colourOk = HEX_COLOUR.test(colour);
  const problem = choices?.background && mode === 'solid' && !colourOk ? COLOUR_PROBLEM : undefined;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the parent's state setter: stable
  useEffect(() => onColourProblem(problem), [problem]);
  if (!choices) return null;
  const price = (t: Thinking) => {
    const usd = pricePerImage(model, size, t);
    return usd === undefined ? 'price not published' : `${formatUsd(usd)} an image`;
  };
  return (
    <>
      <div class="field">
        <label for="thinking">Thinking</label>
        <select
          id="thinking"
          class="select"
          value={settings.thinking ?? DEFAULT_THINKING}
          onChange={(e) => onChange({ ...settings, thinking: (e.currentTarget as HTMLSelectElement).value as Thinking })}
        >
          {choices.thinking.map((t) => (
            <option value={t} key={t}>
              {THINKING_WORDS[t]} — {price(t)}
            </option>
          ))}
        </select>
        <p class="hint">More thinking: more candidates made and judged before the best comes back.</p>
      </div>
      {choices.background ? (
        <div class="field">
          <label for="background">Background</label>
          <select
            id="background"
            class="select"
            value={mode}
            onChange={(e) => {
              const next = (e.currentTarget as HTMLSelectElement).value as BackgroundMode;
              onChange({ ...settings, backgroundMode: next, ...(next === 'solid' && colourOk ? { backgroundColor: colour.toUpperCase() } : {}) });
            }}
          >
            {(Object.keys(BACKGROUND_WORDS) as BackgroundMode[]).map((m) => (
              <option value={m} key={m}>
                {BACKGROUND_WORDS[m]}
              </option>
            ))}
          </select>
          {mode === 'transparent' ? <p class="hint">Returned as PNG with its transparency, whatever Output format says.</p> : null}
          {mode === 'solid' ? (
            <div class="row colour">
              <span class="swatch" aria-hidden="true" style={{ background: colourOk ? colour : 'transparent' }} />
              <label for="background-colour">Background colour</label>
              <input
                id="background-colour"
                class="input"
                value={colour}
                maxLength={7}
                spellcheck={false}
                aria-invalid={!colourOk}
                aria-describedby={problem ? 'colour-problem' : undefined}
                onInput={(e) => {
                  const next = (e.currentTarget as HTMLInputElement).value.trim();
                  setColour(next);
                  if (HEX_COLOUR.test(next)) onChange({ ...settings, backgroundMode: 'solid', backgroundColor: next.toUpperCase() });
                }}
              />
            </div>
          ) : null}
          {problem ? (
            <p class="hint error" id="colour-problem" role="alert">
              {problem}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
