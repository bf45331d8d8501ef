import { TextboxMultiline } from '@create-figma-plugin/ui';
import { MAX_PROMPT_LENGTH } from '../../core/runware/tasks.ts';

interface Props {
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly onSubmit: () => void;
}

export function PromptField({ value, onInput, onSubmit }: Props) {
  const over = value.length > MAX_PROMPT_LENGTH;
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
        <TextboxMultiline id="prompt" rows={4} grow value={value} onValueInput={onInput} variant="border" placeholder="e.g. Make the box deep indigo with a copper foil band" />
      </div>
      <p class={over ? 'hint error' : 'hint'} aria-live="polite">
        {value.length} / {MAX_PROMPT_LENGTH} · ⌘/Ctrl+Enter to generate
      </p>
    </div>
  );
}
