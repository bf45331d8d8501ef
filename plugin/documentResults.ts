import { PROVENANCE_KEY } from './placeResult.ts';

/** The page's Riverflow results with their raw provenance; the UI parses and groups them. */
export function resultsOnPage(page: PageNode): { nodeId: string; data: string }[] {
  return page.findAllWithCriteria({ pluginData: { keys: [PROVENANCE_KEY] } }).map((n) => ({ nodeId: n.id, data: n.getPluginData(PROVENANCE_KEY) }));
}

/** Small previews for the UI (references panel, history), one message each. */
export async function exportThumbnail(nodeId: string): Promise<Uint8Array | null> {
  const node = await figma.getNodeByIdAsync(nodeId);
  if (!node || node.removed || node.type === 'PAGE' || node.type === 'DOCUMENT') return null;
  const scene = node as SceneNode;
  try {
    return await scene.exportAsync({ format: 'PNG', constraint: scene.width >= scene.height ? { type: 'WIDTH', value: 96 } : { type: 'HEIGHT', value: 96 } });
  } catch {
    return null;
  }
}
