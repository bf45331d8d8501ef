import { Button, Textbox } from '@create-figma-plugin/ui';

interface Props {
  readonly value: string;
  readonly saved: boolean;
  readonly problem: string | undefined;
  readonly onInput: (value: string) => void;
  readonly onSave: () => void;
  readonly onForget: () => void;
}

/** Password field: the key is kept in figma.clientStorage only, never in the document. */
export function ApiKeyField({ value, saved, problem, onInput, onSave, onForget }: Props) {
  return (
    <div class="field">
      <label for="api-key">API key</label>
      <div class="row">
        <div class="grow">
          <Textbox id="api-key" password value={value} onValueInput={onInput} placeholder="Paste your Runware key" variant="border" />
        </div>
        {saved ? (
          <Button secondary onClick={onForget}>
            Forget key
          </Button>
        ) : (
          <Button secondary disabled={value.trim() === '' || problem !== undefined} onClick={onSave}>
            Save key
          </Button>
        )}
      </div>
      {value && problem ? <p class="hint error">{problem}</p> : saved ? <p class="hint">Saved on this computer only.</p> : null}
    </div>
  );
}
