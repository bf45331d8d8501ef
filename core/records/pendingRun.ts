import * as z from 'zod/mini';
import { OutputOptionsSchema } from '../outputOptions.ts';
import { CompositeRunSchema } from '../protocol/composite.ts';
import { RectSchema } from '../rect.ts';

/**
 * One Runware task of a run: each variation is its own task (numberResults 1), so a
 * finished image is never sent again while the others are still being polled.
 */
export const PendingTaskSchema = z.object({
  taskUUID: z.string(),
  /** Set once Runware acknowledged the task: before that, recovery must not assume a charge. */
  accepted: z.boolean(),
  /** The image placed for this task, once it is on the canvas. */
  placedImageUUID: z.optional(z.string()),
});
export type PendingTask = z.infer<typeof PendingTaskSchema>;

/**
 * A run Runware may be working on, written before submitting and removed once every task
 * has ended: what lets a closed plugin recover a paid result on the next start.
 */
export const PendingRunSchema = z.object({
  runId: z.string(),
  /** The document the run belongs to (clientStorage is per user, not per file). */
  fileId: z.string(),
  prompt: z.string(),
  /** The Riverflow model the run asked for (absent on runs saved before there was a choice: 1.1 Pro). */
  model: z.optional(z.string()),
  width: z.int(),
  height: z.int(),
  sourceNodeIds: z.array(z.string()),
  createdAt: z.number(),
  tasks: z.array(PendingTaskSchema).check(z.minLength(1)),
  /** The output options the run was made with, recorded on each result for "Reuse settings". */
  options: z.optional(OutputOptionsSchema),
  /** Set when the run upscales a result (its own imageUUID, no upload) instead of editing frames. */
  upscale: z.optional(
    z.object({
      factor: z.int().check(z.gte(2), z.lte(4)),
      /** A result with live text: its text layers are copied onto the upscaled frame. */
      textFrom: z.optional(z.string()),
    }),
  ),
  /** Set when each result is composited over the frame (an area edit, or text kept sharp). */
  composite: z.optional(CompositeRunSchema),
  /** A "Finish with…" run: the draft result it finishes (its node id), linked in each result's provenance; the results go beside it. */
  finishes: z.optional(z.string()),
  /** Where each result goes, fixed when the first one arrives so later ones fill the same grid. */
  slots: z.optional(z.array(RectSchema)),
  /** The page or section the slots are measured in (a hemmed-in section leaves them to the one around it). */
  slotsIn: z.optional(z.string()),
});
export type PendingRun = z.infer<typeof PendingRunSchema>;

/** Tasks that may still produce an image: accepted (or maybe accepted) and not placed yet. */
export function openTasks(run: PendingRun): PendingTask[] {
  return run.tasks.filter((t) => !t.placedImageUUID);
}

export function placedCount(run: PendingRun): number {
  return run.tasks.filter((t) => t.placedImageUUID).length;
}

export function updateTask(run: PendingRun, taskUUID: string, patch: Partial<PendingTask>): PendingRun {
  return { ...run, tasks: run.tasks.map((t) => (t.taskUUID === taskUUID ? { ...t, ...patch } : t)) };
}
