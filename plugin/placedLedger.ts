import * as z from 'zod/mini';

/**
 * The file's one record of what the plugin placed: for each task, the node its image became,
 * the run it belongs to and the container it went in. In the document's own plugin data, so it
 * cannot be lost the way a clientStorage note can (storage full, the plugin closed mid-write), and
 * read without loading every page. A duplicate or a paste carries a result's provenance but is not
 * in here: Keep and Dismiss remove only what is.
 */
const LEDGER_KEY = 'riverflowPlaced';
const MAX_ENTRIES = 400;
/** [taskUUID, nodeId, runId, containerId]; entries written before Keep read the ledger have the first two only. */
const EntrySchema = z.union([z.tuple([z.string(), z.string(), z.string(), z.string()]), z.tuple([z.string(), z.string()])]);
const LedgerSchema = z.array(EntrySchema);
type Entry = z.infer<typeof EntrySchema>;

function read(): Entry[] {
  try {
    const parsed = LedgerSchema.safeParse(JSON.parse(figma.root.getPluginData(LEDGER_KEY) || '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    // A hand-edited or foreign value: start afresh rather than refuse to place.
    return [];
  }
}

/** The node a task's image was placed as in this file, if it was (the node may have been deleted since). */
export function placedNodeId(taskUUID: string): string | undefined {
  return read().find(([t]) => t === taskUUID)?.[1];
}

/** The nodes a run placed, each with the container it was placed in. */
export function placedByRun(runId: string): { nodeId: string; containerId: string }[] {
  return read().flatMap((e) => (e.length === 4 && e[2] === runId ? [{ nodeId: e[1], containerId: e[3] }] : []));
}

export function recordPlaced(taskUUID: string, nodeId: string, runId: string, containerId: string): void {
  const entries = [...read().filter(([t]) => t !== taskUUID), [taskUUID, nodeId, runId, containerId] as Entry].slice(-MAX_ENTRIES);
  figma.root.setPluginData(LEDGER_KEY, JSON.stringify(entries));
}
