import { ProvenanceSchema, type Provenance } from '../core/records.ts';
import { PROVENANCE_KEY } from './placeResult.ts';

export interface HistoryEntry {
  readonly taskUUID: string;
  readonly prompt: string;
  readonly width: number;
  readonly height: number;
  readonly count: number;
  readonly cost: number;
  readonly createdAt: number;
  readonly sourceNodeId: string;
  readonly nodeIds: string[];
}

const MAX_ENTRIES = 30;

export function provenanceOf(node: SceneNode): Provenance | undefined {
  try {
    const parsed = ProvenanceSchema.safeParse(JSON.parse(node.getPluginData(PROVENANCE_KEY)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * This page's runs, read from the results themselves (their plugin data), newest first:
 * the document is the record, so history travels with the file and needs no storage.
 */
export function readHistory(page: PageNode): HistoryEntry[] {
  const byTask = new Map<string, HistoryEntry>();
  for (const node of page.findAllWithCriteria({ pluginData: { keys: [PROVENANCE_KEY] } })) {
    const p = provenanceOf(node);
    if (!p) continue;
    const entry = byTask.get(p.taskUUID);
    if (entry) {
      byTask.set(p.taskUUID, { ...entry, count: entry.count + 1, cost: entry.cost + (p.cost ?? 0), nodeIds: [...entry.nodeIds, node.id] });
    } else {
      byTask.set(p.taskUUID, {
        taskUUID: p.taskUUID,
        prompt: p.prompt,
        width: p.width,
        height: p.height,
        count: 1,
        cost: p.cost ?? 0,
        createdAt: p.createdAt,
        sourceNodeId: p.sourceNodeId,
        nodeIds: [node.id],
      });
    }
  }
  return [...byTask.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, MAX_ENTRIES);
}

/** Small previews for the UI (references panel, history), one message each. */
export async function exportThumbnail(nodeId: string): Promise<Uint8Array | undefined> {
  const node = await figma.getNodeByIdAsync(nodeId);
  if (!node || node.removed || node.type === 'PAGE' || node.type === 'DOCUMENT') return undefined;
  const scene = node as SceneNode;
  if (!('exportAsync' in scene)) return undefined;
  try {
    return await scene.exportAsync({ format: 'PNG', constraint: scene.width >= scene.height ? { type: 'WIDTH', value: 96 } : { type: 'HEIGHT', value: 96 } });
  } catch {
    return undefined;
  }
}
