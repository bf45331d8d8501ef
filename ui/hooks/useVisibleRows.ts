import { useEffect, useState } from 'preact/hooks';

/**
 * A ref for list rows that reports the `data-id` of each row as it scrolls into view, so a
 * long list (a 50-frame batch, 200 results of history) asks for previews of what is seen only.
 */
export function useVisibleRows(onVisible: (ids: readonly string[]) => void): (el: HTMLElement | null) => void | (() => void) {
  const [observer] = useState(
    () =>
      new IntersectionObserver((entries) => {
        const ids = entries.filter((e) => e.isIntersecting).map((e) => (e.target as HTMLElement).dataset.id ?? '');
        if (ids.length) onVisible(ids);
      }),
  );
  useEffect(() => () => observer.disconnect(), [observer]);
  // One ref function for the component's life: rows are observed once, not on every render.
  const [ref] = useState(() => (el: HTMLElement | null) => {
    if (!el) return;
    observer.observe(el);
    return () => observer.unobserve(el);
  });
  return ref;
}
