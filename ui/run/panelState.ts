import type { RestoredLayer } from '../../core/changeMeasure.ts';
import type { RunOutcome } from './runFailed.ts';
import type { SelectedNode } from '../../core/protocol/shared.ts';

/** One frame of "Edit each frame", as the panel lists it. */
export interface BatchItem {
  readonly id: string;
  readonly name: string;
  /** Kept with the item: placing results changes Figma's selection, a retry must not depend on it. */
  readonly node: SelectedNode;
  readonly status: 'queued' | 'running' | 'placed' | 'failed';
  readonly message?: string;
}

/** One result of the last run, with the preview the compare view shows. */
export interface RunResult {
  readonly nodeId: string;
  readonly label: string;
  readonly url: string;
  /** Protected layers given back in it, with how much the model had changed each. */
  readonly restored?: readonly RestoredLayer[];
}

/** The last run's results, until the next run or until dismissed. */
export interface LastRun {
  readonly runId: string;
  readonly sourceNodeId: string;
  readonly sourceName: string;
  readonly results: readonly RunResult[];
  /** An area edit: what was asked to change, which the change measure leaves out. */
  readonly area?: RunOutcome['area'];
}
