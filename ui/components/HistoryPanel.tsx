import { Disclosure } from './Disclosure.tsx';
import { formatUsd, plural } from '../../core/format.ts';
import type { HistoryEntry } from '../../core/history.ts';
import { findPreset } from '../../core/sizes.ts';

interface Props {
  readonly open: boolean;
  readonly onToggle: () => void;
  readonly entries: readonly HistoryEntry[];
  readonly thumbnails: ReadonlyMap<string, string>;
  readonly onReuse: (entry: HistoryEntry) => void;
  readonly onSelect: (entry: HistoryEntry) => void;
}

function when(ms: number): string {
  const d = new Date(ms);
  return `${d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })} ${d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
}

/** This page's runs, read back from the results' provenance. */
export function HistoryPanel({ open, onToggle, entries, thumbnails, onReuse, onSelect }: Props) {
  return (
    <Disclosure open={open} title={`History (${entries.length})`} onToggle={onToggle}>
      {entries.length === 0 ? <p class="hint">No Riverflow results on this page yet.</p> : null}
      <ul class="history" aria-label="History">
        {entries.map((e) => {
          const preset = findPreset(e.width, e.height);
          const thumb = e.nodeIds[0] ? thumbnails.get(e.nodeIds[0]) : undefined;
          return (
            <li key={e.runId}>
              {thumb ? <img class="thumb" src={thumb} alt="" /> : <span class="thumb" />}
              <div class="grow">
                <p class="history-prompt" title={e.prompt}>
                  {e.prompt}
                </p>
                <p class="hint">
                  {preset ? preset.ratio : `${e.width}×${e.height}`} · {plural(e.count, 'image')}
                  {e.cost ? ` · ${formatUsd(e.cost)}` : ''} · {when(e.createdAt)}
                </p>
                <div class="row">
                  <button type="button" class="link" onClick={() => onReuse(e)}>
                    Reuse prompt
                  </button>
                  <button type="button" class="link" onClick={() => onSelect(e)}>
                    Select on canvas
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </Disclosure>
  );
}
