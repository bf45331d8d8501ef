import * as z from 'zod/mini';
import { MAX_REFERENCES } from '../runware/tasks.ts';

/**
 * References pinned for every run in a document (a logo, a material, a palette): node ids
 * only, in the document's own plugin data, so they travel with the file.
 */
export const PINS_KEY = 'pins';
export const PinsSchema = z.array(z.string()).check(z.maxLength(MAX_REFERENCES));

/**
 * What a run sends: the selected frames first (the base among them), then the pins not
 * already selected, within Riverflow's 10 references. The rest is reported, not sent.
 */
export function withPins<T extends { readonly id: string }>(selected: readonly T[], pins: readonly T[], limit = MAX_REFERENCES): { sent: T[]; left: T[] } {
  const ids = new Set(selected.map((n) => n.id));
  const all = [...selected, ...pins.filter((p) => !ids.has(p.id))];
  return { sent: all.slice(0, limit), left: all.slice(limit) };
}
