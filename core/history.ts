import type { OutputOptions } from './outputOptions.ts';
import type { HistoryResult } from './protocol/toUI.ts';

/** One run as the History panel shows it: the results of one click. */
export interface HistoryEntry {
  readonly runId: string;
  readonly prompt: string;
  /** The model the run used (a Riverflow id, or the upscaler's). */
  readonly model: string;
  readonly width: number;
  readonly height: number;
  readonly count: number;
  readonly cost: number;
  readonly createdAt: number;
  readonly sourceNodeId: string;
  readonly nodeIds: readonly string[];
  readonly starred: boolean;
  /** The output options the run used, when its results recorded them. */
  readonly options?: OutputOptions;
}

/** How many runs the list shows: the newest of those that match. */
const MAX_SHOWN = 30;

/** History filtered as the designer asked (prompt text in any case, starred runs only) over every run, then cut to the newest 30. */
export function filterHistory(entries: readonly HistoryEntry[], query: string, starredOnly: boolean): HistoryEntry[] {
  const q = query.trim().toLowerCase();
  return entries.filter((e) => (!starredOnly || e.starred) && (!q || e.prompt.toLowerCase().includes(q))).slice(0, MAX_SHOWN);
}

/**
 * Every run on the page from its results' provenance, newest first (the list cuts after filtering). The document is the
 * record: history travels with the file and needs no storage of its own.
 */
export function groupHistory(results: readonly HistoryResult[]): HistoryEntry[] {
  const byRun = new Map<string, HistoryEntry>();
  for (const { nodeId, provenance: p, starred } of results) {
    const entry = byRun.get(p.runId);
    const options =
      p.outputFormat && p.outputQuality !== undefined
        ? {
            outputFormat: p.outputFormat,
            outputQuality: p.outputQuality,
            checkContent: p.checkContent ?? false,
            ...(p.thinking ? { thinking: p.thinking } : {}),
            ...(p.backgroundMode ? { backgroundMode: p.backgroundMode } : {}),
            ...(p.backgroundColor ? { backgroundColor: p.backgroundColor } : {}),
          }
        : undefined;
    byRun.set(
      p.runId,
      entry
        ? { ...entry, count: entry.count + 1, cost: entry.cost + (p.cost ?? 0), nodeIds: [...entry.nodeIds, nodeId], starred: entry.starred || starred }
        : {
            runId: p.runId,
            prompt: p.prompt,
            model: p.model,
            width: p.width,
            height: p.height,
            count: 1,
            cost: p.cost ?? 0,
            createdAt: p.createdAt,
            sourceNodeId: p.sourceNodeId,
            nodeIds: [nodeId],
            starred,
            ...(options ? { options } : {}),
          },
    );
  }
  return [...byRun.values()].sort((a, b) => b.createdAt - a.createdAt);
}
