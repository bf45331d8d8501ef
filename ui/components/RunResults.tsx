import type { LastRun, RunResult } from '../run/panelState.ts';
import { useEffect, useState } from 'preact/hooks';
import { plural } from '../../core/format.ts';
import { closestFirst, percent, type RestoredLayer } from '../../core/changeMeasure.ts';
import type { ChangeMeasure } from '../hooks/useChangeMeasure.ts';
import { CompareView } from './CompareView.tsx';

export type { LastRun, RunResult };

interface Props {
  readonly run: LastRun;
  readonly sourcePreview: string | undefined;
  readonly measures: ReadonlyMap<string, ChangeMeasure>;
  readonly onKeep: (result: RunResult) => void;
  readonly onEditThis: (result: RunResult) => void;
  readonly onDismiss: () => void;
}

/** A protected layer in words: given back, and how far the model had taken it. */
function restoredWords(layer: RestoredLayer): string {
  return layer.drift < 0.005 ? `${layer.name} kept (the model left it)` : `${layer.name} restored (it had drifted ${percent(layer.drift)})`;
}

/** One line per variation: the change where nothing was asked to change, and each protected layer given back. */
function changeLine(measure: ChangeMeasure | undefined, result: RunResult, area: boolean): string {
  const change = measure ? `${percent(measure.change)} ${area ? 'changed outside the area' : 'of the frame changed'}` : 'Measuring the change…';
  return [change, ...(result.restored ?? []).map(restoredWords)].join(' · ');
}

/** Pick one: the run's variations (closest to the source first), a before/after of the chosen one, Keep or Edit this. */
export function RunResults({ run, sourcePreview, measures, onKeep, onEditThis, onDismiss }: Props) {
  const [chosen, setChosen] = useState(run.results[0]?.nodeId);
  useEffect(() => setChosen(run.results[0]?.nodeId), [run.runId, run.results]);
  const current = run.results.find((r) => r.nodeId === chosen) ?? run.results[0];
  if (!current) return null;
  const measured = run.results.every((r) => measures.has(r.nodeId));
  const ordered = measured ? closestFirst(run.results.map((r) => ({ ...r, change: measures.get(r.nodeId)!.change }))) : run.results;
  const closest = measured && run.results.length > 1 ? ordered[0] : undefined;
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
          {ordered.map((r) => (
            <li key={r.nodeId}>
              <button
                type="button"
                class="thumb-button"
                aria-label={r === closest ? `${r.label}, closest to the source` : r.label}
                aria-pressed={r.nodeId === current.nodeId}
                onClick={() => setChosen(r.nodeId)}
              >
                {r.url ? <img src={r.url} alt="" /> : null}
                {r === closest ? <span class="badge">Closest</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {closest ? (
        <p class="hint" data-testid="closest">
          Closest to the source: {closest.label}, with the least change {run.area ? 'outside the area' : 'to the frame'} (
          {percent(measures.get(closest.nodeId)!.change)}). The choice is yours.
        </p>
      ) : null}
      <CompareView source={sourcePreview} result={current.url} label={current.label} changes={measures.get(current.nodeId)?.heat} />
      <p class="hint" data-testid="change-line">
        {current.label}: {changeLine(measures.get(current.nodeId), current, run.area !== undefined)}
      </p>
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
