import type { LastRun, RunResult } from '../run/panelState.ts';
import { useEffect, useState } from 'preact/hooks';
import { plural } from '../../core/format.ts';
import { CompareView } from './CompareView.tsx';

export type { LastRun, RunResult };

interface Props {
  readonly run: LastRun;
  readonly sourcePreview: string | undefined;
  readonly onKeep: (result: RunResult) => void;
  readonly onEditThis: (result: RunResult) => void;
  readonly onDismiss: () => void;
}

/** Pick one: thumbnails of the run's variations, a before/after of the chosen one, Keep or Edit this. */
export function RunResults({ run, sourcePreview, onKeep, onEditThis, onDismiss }: Props) {
  const [chosen, setChosen] = useState(run.results[0]?.nodeId);
  useEffect(() => setChosen(run.results[0]?.nodeId), [run.runId, run.results]);
  const current = run.results.find((r) => r.nodeId === chosen) ?? run.results[0];
  if (!current) return null;
  return (
    <section class="field run-results" aria-labelledby="run-results-title">
      <div class="row">
        <h2 class="label grow" id="run-results-title">
          This run: {plural(run.results.length, 'result')} for “{run.sourceName}”
        </h2>
        <button type="button" class="link" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      {run.results.length > 1 ? (
        <ul class="result-thumbs" aria-label="Results of this run">
          {run.results.map((r) => (
            <li key={r.nodeId}>
              <button type="button" class="thumb-button" aria-label={r.label} aria-pressed={r.nodeId === current.nodeId} onClick={() => setChosen(r.nodeId)}>
                {r.url ? <img src={r.url} alt="" /> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <CompareView source={sourcePreview} result={current.url} label={current.label} />
      <div class="row">
        <button type="button" class="btn primary grow" onClick={() => onKeep(current)} aria-describedby="keep-hint">
          Keep
        </button>
        <button type="button" class="btn secondary grow" onClick={() => onEditThis(current)}>
          Edit this
        </button>
      </div>
      <p class="hint" id="keep-hint">
        Keep leaves {current.label} on the canvas and removes the run’s other variations (one undo step). Edit this makes it the base for the next run.
      </p>
    </section>
  );
}
