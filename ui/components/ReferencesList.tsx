import type { SelectedNode } from '../../core/protocol.ts';

interface Props {
  readonly nodes: readonly SelectedNode[];
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
}

/** The references in the order they are sent; Riverflow reads the first as the composition. */
export function ReferencesList({ nodes, skipped }: Props) {
  return (
    <section class="field" aria-label="References">
      <h2 class="label">References</h2>
      {nodes.length === 0 ? <p class="hint">Nothing usable selected.</p> : null}
      <ol class="refs">
        {nodes.map((n, i) => (
          <li key={n.id}>
            <span class="ref-name">{n.name}</span>
            <span class="hint">
              {Math.round(n.width)}×{Math.round(n.height)}
              {i === 0 ? ' · base' : ''}
            </span>
          </li>
        ))}
      </ol>
      {skipped.map((s) => (
        <p class="hint warn" key={s.name + s.reason}>
          “{s.name}” {s.reason}: not sent.
        </p>
      ))}
    </section>
  );
}
