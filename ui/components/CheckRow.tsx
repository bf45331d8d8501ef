import type { ComponentChildren } from 'preact';

interface Props {
  readonly checked: boolean;
  readonly onChange: (on: boolean) => void;
  /** The id of the line that explains the choice, read with it by screen readers. */
  readonly describedBy?: string;
  readonly children: ComponentChildren;
}

/** A checkbox with its label on one row, the panel's one way to offer an on/off choice. */
export function CheckRow({ checked, onChange, describedBy, children }: Props) {
  return (
    <label class="row">
      <input
        class="native"
        type="checkbox"
        checked={checked}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />{' '}
      {children}
    </label>
  );
}
