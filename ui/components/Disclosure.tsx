import type { ComponentChildren } from 'preact';

/**
 * A section that opens and closes: a real button with aria-expanded, so a screen reader
 * says "History, collapsed, button" and Enter or Space toggles it (the library's is a checkbox).
 */
export function Disclosure({
  open,
  title,
  onToggle,
  children,
}: {
  readonly open: boolean;
  readonly title: string;
  readonly onToggle: () => void;
  readonly children: ComponentChildren;
}) {
  return (
    <section class="disclosure">
      <button type="button" class="disclosure-title" aria-expanded={open} onClick={onToggle}>
        <span class="caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {title}
      </button>
      {open ? <div class="disclosure-body">{children}</div> : null}
    </section>
  );
}
