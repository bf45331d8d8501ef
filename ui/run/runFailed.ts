/** Said whenever a run stays pending: the designer should know a paid result is not lost. */
export const RECOVERY_NOTE = 'Runware may still finish the task: its results are placed the next time you open Riverflow.';

/** A run that ended without every result; `kept` says it stays pending for recovery. */
export class RunFailed extends Error {
  constructor(
    message: string,
    readonly kept: boolean,
    readonly placed: number,
    /** True when Runware may or may not have taken the task (a cancel during the submit). */
    readonly maybeAccepted = false,
  ) {
    super(message);
  }
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
  readonly bytes: Uint8Array;
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
  /** Things the designer should know that are not failures (text drawn into the image, a scaled-down composite). */
  readonly notes?: readonly string[];
}
