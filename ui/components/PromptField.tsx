interface Props {
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly onSubmit: () => void;
  /** Prompts used before, across documents (clientStorage). */
  readonly recent: readonly string[];
  /** The chosen model's longest prompt. */
  readonly maxLength: number;
}

export function PromptField({ value, onInput, onSubmit, recent, maxLength }: Props) {
  const over = value.length > maxLength;
  return (
    <div class="field">
      <label for="prompt">Prompt</label>
      <div
        onKeyDown={(e: KeyboardEvent) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
      >
        <textarea
          id="prompt"
          class="input textarea"
          rows={4}
          value={value}
          onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
          placeholder="e.g. Make the box deep indigo with a copper foil band"
        />
      </div>
      <p class={over ? 'hint error' : 'hint'} aria-live="polite">
        {value.length} / {maxLength} · ⌘/Ctrl+Enter to generate
      </p>
      {recent.length ? (
        <select
          class="select"
          aria-label="Recent prompts"
          value=""
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            if (v) onInput(v);
          }}
        >
          <option value="">Recent prompts…</option>
          {recent.map((p) => (
            <option value={p} key={p}>
              {p.length > 70 ? `${p.slice(0, 70)}…` : p}
            </option>
          ))}
        </select>
      ) : null}
    </div>
  );
}
