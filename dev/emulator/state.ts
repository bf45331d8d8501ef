import type { EmuError } from './contract.ts';

export interface Behaviour {
  /** getResponse answers `processing` this many times before results show. */
  processingPolls: number;
  /**
   * Time Riverflow takes per task, from acceptance to a finished image, on the emulator's
   * clock (see `clockScale`); a function gets the task's position in its request.
   */
  serverMs: number | ((index: number) => number);
  /** Emulator time runs this much faster than real time (benches run 120 s tasks in 6 s). */
  clockScale: number;
  /** Results are flagged `NSFWContent: true`. */
  nsfw: boolean;
  /** REST API answers carry CORS headers (a browser refuses the call without them). */
  cors: boolean;
  /** Result and upload downloads carry CORS headers. */
  imageCors: boolean;
  /** `corrupt`: bytes that do not decode; `huge`: a 17000 px wide image (past what a canvas can cut). */
  result: 'ok' | 'corrupt' | 'huge';
  /** Results of numberResults > 1 appear one more per poll. */
  trickle: boolean;
  /** Added before every answer. */
  latencyMs: number;
  /**
   * Generations that end with an error instead of an image: the task at this position of
   * its request (0-based). `item` reports it as a `status: "error"` item among the others,
   * `errors` as an `errors[]` entry next to the others' `data`.
   */
  failGeneration: { index: number; shape: 'item' | 'errors'; error: EmuError } | null;
  /**
   * Models Runware has switched off, by id, with the code it answers (`modelDisabled`,
   * `modelNotReady`, `modelUnavailable`, `unknownModel`): refused before any task starts, in the
   * shape Runware uses then (`{error: {code, message, taskType}, taskUUID}`), nothing charged.
   */
  unavailableModels: Readonly<Record<string, string>>;
  /** `media`: upscales answer `mediaUUID`/`mediaURL` instead of image fields (sdk-js: `inputs.image` may). */
  upscaleAnswer: 'image' | 'media';
  /**
   * The largest `upscaleFactor` Clarity takes. Its model page says 2 to 4, Runware's generated
   * schema allows 2 only: the emulator plays either (4 by default, 2 to play the schema).
   */
  maxUpscaleFactor: number;
  /**
   * Results as one plain image per size and format, made once: still exactly the size asked for,
   * but cheap enough for the simulation's thousands of runs (the tests read the real renders).
   */
  cheapImages: boolean;
}

export const DEFAULT_BEHAVIOUR: Behaviour = {
  processingPolls: 0,
  serverMs: 0,
  clockScale: 1,
  nsfw: false,
  cors: true,
  imageCors: true,
  result: 'ok',
  trickle: false,
  latencyMs: 0,
  failGeneration: null,
  unavailableModels: {},
  upscaleAnswer: 'image',
  maxUpscaleFactor: 4,
  cheapImages: false,
};

export interface RecordedRequest {
  readonly transport: 'rest' | 'ws';
  readonly bytes: number;
  readonly tasks: readonly Record<string, unknown>[];
  readonly auth: 'header' | 'task' | 'none';
  status: number;
  /** Time the emulator spent on the request (rendering included), for the bench's overhead figures. */
  ms: number;
  /** Bytes of the answer as sent (compressed when the client asked for it). */
  answerBytes: number;
  /** Bytes of the answer's JSON before any compression. */
  answerJsonBytes: number;
}

/** A request as it arrived, before the emulator answers (status, time and answer sizes are filled in then). */
export function recordRequest(
  transport: RecordedRequest['transport'],
  bytes: number,
  tasks: readonly Record<string, unknown>[],
  auth: RecordedRequest['auth'],
): RecordedRequest {
  return { transport, bytes, tasks, auth, status: 0, ms: 0, answerBytes: 0, answerJsonBytes: 0 };
}

export interface Charge {
  readonly taskUUID: string;
  readonly numberResults: number;
  readonly cost: number;
}

/** A finished image handed out for the first time: when it was ready, and when it left. */
export interface Delivery {
  readonly taskUUID: string;
  readonly imageUUID: string;
  readonly bytes: number;
  /** Epoch milliseconds (performance.timeOrigin + now), comparable with the browser's. */
  readonly readyAt: number;
  /** When the poll that carried it arrived, and the poll before that one (or the acceptance). */
  readonly askedAt: number;
  readonly previousAskedAt: number;
  readonly sentAt: number;
}

export interface TaskState {
  readonly task: Record<string, unknown>;
  /** Position of the task in the request that submitted it. */
  readonly index: number;
  readonly acceptedAt: number;
  pollsLeft: number;
  /** performance.now() at which the image is ready (no sooner than it is rendered). */
  readyAt: number;
  /** When the stand-in image finished rendering: until then the task is still processing. */
  renderedAt?: number;
  /** When this task was last asked about (getResponse), or accepted. */
  lastAskedAt: number;
  revealed: number;
  readonly results: Promise<Record<string, unknown>[]>;
  readonly error: EmuError | null;
  readonly errorShape: 'item' | 'errors';
  delivered: boolean;
}
