import { parseProvenance, PROVENANCE_KEY, STAR_KEY } from '../core/records/provenance.ts';
import type { HistoryResult } from '../core/protocol/toUI.ts';
import { findSceneNode } from './sceneNode.ts';

/** The page's Riverflow results with their provenance; records that do not parse are skipped. */
export function resultsOnPage(page: PageNode): HistoryResult[] {
  const out: HistoryResult[] = [];
  for (const node of page.findAllWithCriteria({ pluginData: { keys: [PROVENANCE_KEY] } })) {
    const provenance = parseProvenance(node.getPluginData(PROVENANCE_KEY));
    if (provenance) out.push({ nodeId: node.id, provenance, starred: node.getPluginData(STAR_KEY) === '1' });
  }
  return out;
}

/**
 * Small previews for the UI (references panel, history), one message each. A result's
 * picture never changes: its own image fill is read, with no export at all.
 */
export async function exportThumbnail(nodeId: string): Promise<Uint8Array | null> {
  const scene = await findSceneNode(nodeId);
  if (!scene) return null;
  const fill =
    scene.getPluginData(PROVENANCE_KEY) && 'fills' in scene && Array.isArray(scene.fills)
      ? (scene.fills as readonly Paint[]).find((f) => f.type === 'IMAGE')
      : undefined;
  const image = fill?.type === 'IMAGE' && fill.imageHash ? figma.getImageByHash(fill.imageHash) : null;
  if (image) return image.getBytesAsync();
  try {
    return await scene.exportAsync({ format: 'PNG', constraint: scene.width >= scene.height ? { type: 'WIDTH', value: 96 } : { type: 'HEIGHT', value: 96 } });
  } catch {
    return null;
  }
}

/** Stars or unstars results (the run's own nodes), in the document so it travels with the file. */
export async function starResults(nodeIds: readonly string[], starred: boolean): Promise<void> {
  for (const id of nodeIds) (await findSceneNode(id))?.setPluginData(STAR_KEY, starred ? '1' : '');
  figma.commitUndo();
}
