import { formatUsd, plural } from '../../core/format.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { errorText } from '../../core/errorText.ts';
import { failureText, RunFailed, type RunOutcome, type RunProgress } from './runFailed.ts';

export type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly progress: RunProgress; readonly startedAt: number; readonly recovering: boolean }
  | { readonly status: 'done'; readonly message: string }
  | {
      readonly status: 'error';
      readonly message: string;
      readonly keyRefused?: boolean;
      /** Runs kept pending for paid images Figma did not take: the panel offers Retry placing and Discard. */
      readonly unplaced?: readonly PendingRun[];
      /** A model Runware has switched off (its id). */
      readonly unavailableModel?: string;
    };

/** What a run left out, in one sentence each: flagged images, variations that failed, notes. */
export function outcomeNotes(outcome: Pick<RunOutcome, 'flagged' | 'failed' | 'notes'>): string {
  const flagged = outcome.flagged
    ? ` ${plural(outcome.flagged, 'result')} flagged by the safety check ${outcome.flagged === 1 ? 'was' : 'were'} not placed.`
    : '';
  return flagged + [...outcome.failed, ...(outcome.notes ?? [])].map((f) => ` ${f}`).join('');
}

/** Anything a run threw, as the one outcome type (a throw that is not a RunFailed may have cost something). */
export function failureOf(e: unknown): RunFailed {
  return e instanceof RunFailed ? e : new RunFailed(errorText(e), { charged: 'maybe' });
}

/**
 * The one reducer from a run's end to the panel's state, for every kind of run: results placed
 * (with what was left out, and the cost), or a failure (after Cancel, what the cancel meant).
 */
export function endState(
  end:
    | { readonly placed: string; readonly outcome: Pick<RunOutcome, 'flagged' | 'failed' | 'notes' | 'cost' | 'unplaced'> }
    | { readonly failure: unknown; readonly cancelled: boolean },
): RunState {
  if ('placed' in end) {
    const { outcome } = end;
    const message = `${end.placed}${outcomeNotes(outcome)} Cost ${formatUsd(outcome.cost)}.`;
    if (!outcome.failed.length) return { status: 'done', message };
    return { status: 'error', message, ...(outcome.unplaced ? { unplaced: [outcome.unplaced] } : {}) };
  }
  const failed = failureOf(end.failure);
  if (end.cancelled) return { status: 'done', message: failureText(failed.reason, { charged: failed.charged, kept: failed.kept, cancelled: true }) };
  const message = failed.placed > 0 ? `${failed.message} (${plural(failed.placed, 'result')} placed before this.)` : failed.message;
  return {
    status: 'error',
    message,
    keyRefused: failed.keyRefused,
    ...(failed.unplaced ? { unplaced: [failed.unplaced] } : {}),
    ...(failed.unavailableModel ? { unavailableModel: failed.unavailableModel } : {}),
  };
}
