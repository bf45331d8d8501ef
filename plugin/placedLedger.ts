import * as z from 'zod/mini';

/**
 * Which tasks' images this file already holds, in the document's own plugin data: written in the
 * same undo step as the result, so it cannot be lost the way a clientStorage note can (storage
 * full, the plugin closed mid-write), and read without loading every page.
 */
const LEDGER_KEY = 'riverflowPlaced';
const MAX_ENTRIES = 400;
const LedgerSchema = z.array(z.tuple([z.string(), z.string()]));

function read(): [string, string][] {
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

export function recordPlaced(taskUUID: string, nodeId: string): void {
  const entries = [...read().filter(([t]) => t !== taskUUID), [taskUUID, nodeId] as [string, string]].slice(-MAX_ENTRIES);
  figma.root.setPluginData(LEDGER_KEY, JSON.stringify(entries));
}
