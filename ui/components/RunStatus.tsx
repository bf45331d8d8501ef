import { plural } from '../../core/format.ts';
import type { RunState } from '../run/runEnd.ts';
import type { RunProgress } from '../run/runFailed.ts';

const STAGE_TEXT: Record<RunProgress['stage'], string> = {
  exporting: 'Exporting references…',
  uploading: 'Uploading references…',
  submitting: 'Sending to Riverflow…',
  waiting: 'Riverflow is working…',
  placing: 'Placing results…',
};

interface Props {
  readonly run: RunState;
  readonly elapsed: string;
  readonly batch: boolean;
  readonly blocker: string | undefined;
  /** Frames of an "Edit each frame" run, or 0. */
  readonly each: number;
  /** The error is a refused key, already shown in the key step. */
  readonly refused: boolean;
  readonly onGenerate: () => void;
  readonly onCancel: () => void;
  readonly onRetryPlacing: () => void;
  readonly onDiscard: () => void;
}

/** Generate (or Cancel while running), why Generate is disabled, and how the last run ended. */
export function RunStatus({ run, elapsed, batch, blocker, each, refused, onGenerate, onCancel, onRetryPlacing, onDiscard }: Props) {
  return (
    <>
      {run.status === 'running' ? (
        <div class="row">
          <div class="grow" role="status" aria-live="polite">
            {run.recovering ? 'Recovering an earlier run… ' : ''}
            {STAGE_TEXT[run.progress.stage]} {elapsed} s
            {run.progress.total > 1 ? ` · ${run.progress.placed} of ${run.progress.total} ${batch ? 'frames done' : 'placed'}` : ''}
          </div>
          <button type="button" class="btn secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : (
        <div>
          <button
            type="button"
            class="btn primary full"
            disabled={blocker !== undefined}
            onClick={onGenerate}
            aria-describedby={blocker ? 'blocker' : undefined}
          >
            {each ? `Generate for ${plural(each, 'frame')}` : 'Generate'}
          </button>
          {blocker ? (
            <p class="hint" id="blocker">
              {blocker}
            </p>
          ) : null}
        </div>
      )}
      {run.status === 'done' ? (
        <p class="banner ok" role="status">
          {run.message}
        </p>
      ) : null}
      {run.status === 'error' && !refused ? (
        <p class="banner error" role="alert">
          {run.message}
        </p>
      ) : null}
      {run.status === 'error' && run.unplaced?.length ? (
        <div class="row">
          <button type="button" class="btn primary" onClick={onRetryPlacing}>
            Retry placing
          </button>
          <button type="button" class="btn secondary" onClick={onDiscard}>
            Discard, already paid
          </button>
        </div>
      ) : null}
    </>
  );
}
