import type { Rect } from '../../core/rect.ts';
import type { RestoredLayer } from '../../core/changeMeasure.ts';
import type { PendingRun } from '../../core/records/pendingRun.ts';
import { RunwareError } from '../../core/runware/failures.ts';

/** Said whenever a run stays pending: the designer should know a paid result is not lost. */
export const RECOVERY_NOTE = 'Runware may still finish the task: its results are placed the next time you open Riverflow.';
export const CANCELLED_KEPT = 'Stopped waiting. Runware had already accepted the task: its results are kept and placed the next time you open Riverflow.';
export const CANCELLED_MAYBE = 'Stopped waiting. Runware may have accepted the task: if it did, its results are placed the next time you open Riverflow.';
export const CANCELLED_FREE = 'Cancelled before Runware accepted the task. Nothing was charged.';

/** Whether Runware can have charged for what did not arrive: never, perhaps (it may have the task), or it did. */
export type Charged = 'no' | 'maybe' | 'yes';

export interface FailureFacts {
  readonly charged: Charged;
  /** The run stays pending: whatever Runware finishes is placed on the next start. */
  readonly kept?: boolean;
  /** Results placed before the failure. */
  readonly placed?: number;
  readonly cancelled?: boolean;
  /** The Runware failure behind it; without one Runware was not involved, so money is not mentioned. */
  readonly cause?: unknown;
  /** The run, kept pending for paid images Figma did not take: Retry placing or Discard. */
  readonly unplaced?: PendingRun;
}

/**
 * A run that ended without every result: one outcome, with its facts (charged, kept, placed,
 * cancelled, the cause) as data; `failureText` is the only place they become words.
 */
export class RunFailed extends Error {
  readonly charged: Charged;
  readonly kept: boolean;
  readonly placed: number;
  readonly cancelled: boolean;
  /** Runware refused the key: the panel brings the key step back. */
  readonly keyRefused: boolean;
  /** The request parameter Runware refused (a 400 naming it), when there was one. */
  readonly refusedParameter: string | undefined;
  readonly unplaced: PendingRun | undefined;
  /** The model Runware said is switched off (its id): the Model select marks it for the session. */
  readonly unavailableModel: string | undefined;

  constructor(
    /** What went wrong, without what it means for money or recovery. */
    readonly reason: string,
    facts: FailureFacts,
  ) {
    super(failureText(reason, facts), { cause: facts.cause });
    this.charged = facts.charged;
    this.kept = facts.kept === true;
    this.placed = facts.placed ?? 0;
    this.cancelled = facts.cancelled === true;
    this.keyRefused = facts.cause instanceof RunwareError && facts.cause.failure.kind === 'auth';
    const failure = facts.cause instanceof RunwareError ? facts.cause.failure : undefined;
    this.refusedParameter = failure?.kind === 'invalidParameter' ? failure.parameter : undefined;
    this.unavailableModel = failure?.kind === 'modelUnavailable' ? failure.model : undefined;
    this.unplaced = facts.unplaced;
  }
}

export function failureText(reason: string, f: FailureFacts): string {
  if (f.cancelled) return f.charged === 'maybe' ? CANCELLED_MAYBE : f.kept ? CANCELLED_KEPT : CANCELLED_FREE;
  if (f.kept) return `${reason} ${RECOVERY_NOTE}`;
  if (f.charged === 'no' && f.cause instanceof RunwareError) return `${reason} Nothing was charged.`;
  return reason;
}

export type Stage = 'exporting' | 'uploading' | 'submitting' | 'waiting' | 'placing';

export interface RunProgress {
  readonly stage: Stage;
  readonly placed: number;
  readonly total: number;
}

/** A result on the canvas with the image the panel decoded for it (the compare view reuses it). */
export interface PlacedResult {
  readonly nodeId: string;
  readonly variation: number;
  /** The image as placed, for the compare view; absent past 4096 px (the panel shows the canvas's picture instead). */
  readonly bytes?: Uint8Array;
  /** Protected layers given back in it, with how much the model had changed each. */
  readonly restored?: readonly RestoredLayer[];
}

export interface RunOutcome {
  readonly runId: string;
  readonly results: readonly PlacedResult[];
  readonly placed: number;
  readonly flagged: number;
  /** Variations Runware ended without an image, with the reason, e.g. "Variation 2: …". */
  readonly failed: readonly string[];
  readonly cost: number;
  /** The results are frames with live text on top of their image (text kept sharp). */
  readonly liveText?: boolean;
  /** An area edit: the area asked to change, in the frame's units, and the frame's size (the change measure leaves the area out). */
  readonly area?: { readonly box: Rect; readonly frame: { readonly width: number; readonly height: number } };
  /** Things the designer should know that are not failures (text drawn into the image, a scaled-down composite). */
  readonly notes?: readonly string[];
  /** The run, kept pending for paid images Figma did not take: Retry placing or Discard. */
  readonly unplaced?: PendingRun;
}
