import { ProvenanceSchema, type Provenance } from './records.ts';

/** One run as the History panel shows it: the results of one task. */
export interface HistoryEntry {
  readonly taskUUID: string;
  readonly prompt: string;
  readonly width: number;
  readonly height: number;
  readonly count: number;
  readonly cost: number;
  readonly createdAt: number;
  readonly sourceNodeId: string;
  readonly nodeIds: readonly string[];
}

const MAX_ENTRIES = 30;

/** Reads a result's plugin data; anything else (another version, a hand edit) is skipped. */
export function parseProvenance(raw: string): Provenance | undefined {
  try {
    const parsed = ProvenanceSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The page's runs from its results' provenance, newest first. The document is the
 * record: history travels with the file and needs no storage of its own.
 */
export function groupHistory(results: readonly { readonly nodeId: string; readonly data: string }[]): HistoryEntry[] {
  const byTask = new Map<string, HistoryEntry>();
  for (const { nodeId, data } of results) {
    const p = parseProvenance(data);
    if (!p) continue;
    const entry = byTask.get(p.taskUUID);
    byTask.set(
      p.taskUUID,
      entry
        ? { ...entry, count: entry.count + 1, cost: entry.cost + (p.cost ?? 0), nodeIds: [...entry.nodeIds, nodeId] }
        : { taskUUID: p.taskUUID, prompt: p.prompt, width: p.width, height: p.height, count: 1, cost: p.cost ?? 0, createdAt: p.createdAt, sourceNodeId: p.sourceNodeId, nodeIds: [nodeId] },
    );
  }
  return [...byTask.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, MAX_ENTRIES);
}
