import { parseProvenance, PROVENANCE_KEY } from '../core/records/provenance.ts';
import type { HistoryResult } from '../core/protocol/toUI.ts';
import { findSceneNode } from './sceneNode.ts';

/** The page's Riverflow results with their provenance; records that do not parse are skipped. */
export function resultsOnPage(page: PageNode): HistoryResult[] {
  const out: HistoryResult[] = [];
  for (const node of page.findAllWithCriteria({ pluginData: { keys: [PROVENANCE_KEY] } })) {
    const provenance = parseProvenance(node.getPluginData(PROVENANCE_KEY));
    if (provenance) out.push({ nodeId: node.id, provenance });
  }
  return out;
}

/** Small previews for the UI (references panel, history), one message each. */
export async function exportThumbnail(nodeId: string): Promise<Uint8Array | null> {
  const scene = await findSceneNode(nodeId);
  if (!scene) return null;
  try {
    return await scene.exportAsync({ format: 'PNG', constraint: scene.width >= scene.height ? { type: 'WIDTH', value: 96 } : { type: 'HEIGHT', value: 96 } });
  } catch {
    return null;
  }
}
