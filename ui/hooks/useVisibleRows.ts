import { useEffect, useState } from 'preact/hooks';

/**
 * A ref for list rows that reports the `data-id` of each row as it scrolls into view, so a
 * long list (a 50-frame batch, 200 results of history) asks for previews of what is seen only.
 */
export function useVisibleRows(onVisible: (ids: readonly string[]) => void): (el: HTMLElement | null) => void {
  const [observer] = useState(
    () =>
      new IntersectionObserver((entries) => {
        const ids = entries.filter((e) => e.isIntersecting).map((e) => (e.target as HTMLElement).dataset.id ?? '');
        if (ids.length) onVisible(ids);
      }),
  );
  useEffect(() => () => observer.disconnect(), [observer]);
  // One ref function for the component's life, so rows are observed once, not on every render.
  // It returns no cleanup: Preact keeps a ref's cleanup on the function itself, so a ref shared
  // by many rows would unobserve each row as the next one mounts. Rows that leave stop
  // intersecting; disconnect() on unmount lets go of them all.
  const [ref] = useState(() => (el: HTMLElement | null) => {
    if (el) observer.observe(el);
  });
  return ref;
}
