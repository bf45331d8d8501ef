import { useState } from 'preact/hooks';
import { formatUsd, plural } from '../../core/format.ts';
import { filterHistory, type HistoryEntry } from '../../core/history.ts';
import { knownModel, sizeOf } from '../../core/models.ts';
import type { OutputOptions } from '../../core/outputOptions.ts';
import { Disclosure } from './Disclosure.tsx';
import { useVisibleRows } from '../hooks/useVisibleRows.ts';
import { CheckRow } from './CheckRow.tsx';

/** Riverflow 2.5's choices on its runs: " · thinking high · transparent". */
function choices(o: OutputOptions | undefined): string {
  if (!o?.thinking) return '';
  const background = o.backgroundMode === 'transparent' ? ' · transparent' : o.backgroundMode === 'solid' ? ` · on ${o.backgroundColor ?? 'a colour'}` : '';
  return ` · thinking ${o.thinking}${background}`;
}

// Made once: a formatter per call (toLocaleDateString) costs a fraction of a millisecond, times every row.
const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const when = (ms: number) => `${DAY.format(ms)} ${TIME.format(ms)}`;

interface Props {
  readonly open: boolean;
  readonly onToggle: () => void;
  readonly entries: readonly HistoryEntry[];
  readonly thumbnails: ReadonlyMap<string, string>;
  /** Rows that scrolled into view: only those need a thumbnail, however long the history. */
  readonly onVisible: (nodeIds: readonly string[]) => void;
  readonly onReusePrompt: (entry: HistoryEntry) => void;
  readonly onReuseSettings: (entry: HistoryEntry) => void;
  readonly onStar: (entry: HistoryEntry, starred: boolean) => void;
  readonly onSelect: (entry: HistoryEntry) => void;
}

/** This page's runs, read back from the results' provenance: search, star, reuse, select. */
export function HistoryPanel(props: Props) {
  // Kept while History is closed, so it opens as it was left.
  const [query, setQuery] = useState('');
  const [starredOnly, setStarredOnly] = useState(false);
  return (
    <Disclosure open={props.open} title={`History (${props.entries.length})`} onToggle={props.onToggle}>
      {/* A component, not rows built here: closed, none of its rows is made at each of a run's re-renders. */}
      <HistoryBody {...props} query={query} setQuery={setQuery} starredOnly={starredOnly} setStarredOnly={setStarredOnly} />
    </Disclosure>
  );
}

interface BodyProps extends Props {
  readonly query: string;
  readonly setQuery: (query: string) => void;
  readonly starredOnly: boolean;
  readonly setStarredOnly: (on: boolean) => void;
}

function HistoryBody({
  entries,
  thumbnails,
  onVisible,
  onReusePrompt,
  onReuseSettings,
  onStar,
  onSelect,
  query,
  setQuery,
  starredOnly,
  setStarredOnly,
}: BodyProps) {
  const rowRef = useVisibleRows(onVisible);
  const shown = filterHistory(entries, query, starredOnly);
  return (
    <>
      {entries.length === 0 ? (
        <p class="hint">No Riverflow results on this page yet.</p>
      ) : (
        <div class="row">
          <input
            class="input grow"
            type="search"
            aria-label="Search history"
            placeholder="Search prompts"
            value={query}
            onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          />
          <CheckRow checked={starredOnly} onChange={setStarredOnly}>
            Starred only
          </CheckRow>
        </div>
      )}
      {entries.length > 0 && shown.length === 0 ? <p class="hint">No run matches.</p> : null}
      <ul class="history" aria-label="History">
        {shown.map((e) => {
          const model = knownModel(e.model);
          const preset = model && sizeOf(model, e.width, e.height);
          const first = e.nodeIds[0] ?? '';
          const thumb = thumbnails.get(first);
          return (
            <li key={e.runId} data-id={first} ref={rowRef}>
              {thumb ? <img class="thumb" src={thumb} alt="" /> : <span class="thumb" />}
              <div class="grow">
                <p class="history-prompt" title={e.prompt}>
                  {e.prompt}
                </p>
                <p class="hint">
                  {model && preset ? `${model.name} · ${preset.tier} ${preset.ratio}` : `${e.width}×${e.height}`}
                  {choices(e.options)} · {plural(e.count, 'image')}
                  {e.cost ? ` · ${formatUsd(e.cost)}` : ''} · {when(e.createdAt)}
                </p>
                <div class="row wrap">
                  <button type="button" class="icon" aria-pressed={e.starred} aria-label={`Star “${e.prompt}”`} onClick={() => onStar(e, !e.starred)}>
                    {e.starred ? '★' : '☆'}
                  </button>
                  <button type="button" class="link" onClick={() => onReusePrompt(e)}>
                    Reuse prompt
                  </button>
                  <button type="button" class="link" onClick={() => onReuseSettings(e)}>
                    Reuse settings
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
    </>
  );
}
