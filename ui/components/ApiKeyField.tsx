import { useState } from 'preact/hooks';
import { WhatIsSent } from './WhatIsSent.tsx';

interface Props {
  readonly value: string;
  readonly problem: string | undefined;
  /** Why the key step is shown again (Runware refused the saved key). */
  readonly refused: string | undefined;
  /** True when a key is saved and the designer chose to change it. */
  readonly changing: boolean;
  readonly onInput: (value: string) => void;
  readonly onSave: () => void;
  readonly onForget: () => void;
  readonly onCancel: () => void;
}

/**
 * The key step: first thing on a first run, where a designer pastes the key and presses
 * Enter. The key is kept in figma.clientStorage only, never in the document.
 */
export function ApiKeyField({ value, problem, refused, changing, onInput, onSave, onForget, onCancel }: Props) {
  const canSave = value.trim() !== '' && problem === undefined;
  return (
    <section class="field key-step" aria-labelledby="key-step-title">
      <h2 class="label" id="key-step-title">
        Connect your Runware account
      </h2>
      <p class="hint">
        Paste an API key from my.runware.ai (API Keys). It is saved on this computer only, never in the file. Each image is paid from your Runware account, at
        the chosen model’s price (shown before each run).
      </p>
      {changing || refused ? null : <WhatIsSent />}
      {refused ? (
        <p class="hint error" role="alert">
          {refused}
        </p>
      ) : null}
      <label for="api-key">API key</label>
      <div
        class="row"
        onKeyDown={(e: KeyboardEvent) => {
          if (e.key === 'Enter' && canSave) {
            e.preventDefault();
            onSave();
          }
        }}
      >
        <div class="grow">
          <input
            id="api-key"
            class="input full"
            type="password"
            autoComplete="off"
            spellcheck={false}
            value={value}
            onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
            placeholder="Paste your Runware key"
          />
        </div>
        <button type="button" class="btn primary" disabled={!canSave} onClick={onSave}>
          Save key
        </button>
      </div>
      {value && problem ? <p class="hint error">{problem}</p> : null}
      {changing ? (
        <div class="row">
          <button type="button" class="link" onClick={onCancel}>
            Keep the saved key
          </button>
          <button type="button" class="link" onClick={onForget}>
            Forget key
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** Once a key is saved, it stays out of the way: one line, with a way to change it and to read what is sent. */
export function SavedKeyLine({ onChange }: { readonly onChange: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <p class="hint row key-line">
        <span class="grow">Runware key ✓</span>
        <button type="button" class="link" aria-expanded={open} aria-controls="what-is-sent" onClick={() => setOpen(!open)}>
          What is sent
        </button>
        <button type="button" class="link" onClick={onChange}>
          Change key
        </button>
      </p>
      {open ? (
        <div id="what-is-sent">
          <WhatIsSent />
        </div>
      ) : null}
    </>
  );
}
