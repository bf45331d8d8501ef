import { MAX_PREVIEW_CHARS, parseProvenance, PREVIEW_KEY, PROVENANCE_KEY, STAR_KEY } from '../core/records/provenance.ts';
import type { HistoryResult } from '../core/protocol/toUI.ts';
import { findSceneNode, inInstance } from './sceneNode.ts';
import { srgbExport } from './srgbExport.ts';

/** The page's Riverflow results with their provenance; records that do not parse are skipped. */
export function resultsOnPage(page: PageNode): HistoryResult[] {
  const out: HistoryResult[] = [];
  // An instance's sublayers carry their main component's plugin data: a result used as a component is listed once.
  for (const node of page.findAllWithCriteria({ pluginData: { keys: [PROVENANCE_KEY] } })) {
    if (inInstance(node)) continue;
    const provenance = parseProvenance(node.getPluginData(PROVENANCE_KEY));
    if (provenance) out.push({ nodeId: node.id, provenance, starred: node.getPluginData(STAR_KEY) === '1' });
  }
  return out;
}

const THUMBNAIL_SIDE = 96;

/**
 * Small previews for the UI (references panel, history), one message each. A result's
 * picture never changes: the preview the UI made when placing it is read, with no export;
 * a result placed before previews existed is exported small, like any node.
 */
export async function exportThumbnail(nodeId: string): Promise<{ bytes: Uint8Array | null; preview?: string }> {
  const scene = await findSceneNode(nodeId);
  if (!scene) return { bytes: null };
  const preview = scene.getPluginData(PROVENANCE_KEY) ? scene.getPluginData(PREVIEW_KEY) : '';
  if (preview && preview.length <= MAX_PREVIEW_CHARS) return { bytes: null, preview };
  return { bytes: await exportSmall(scene) };
}

async function exportSmall(scene: SceneNode): Promise<Uint8Array | null> {
  try {
    return await scene.exportAsync(
      srgbExport('PNG', scene.width >= scene.height ? { type: 'WIDTH', value: THUMBNAIL_SIDE } : { type: 'HEIGHT', value: THUMBNAIL_SIDE }),
    );
  } catch {
    return null;
  }
}

/** Stars or unstars results (the run's own nodes), in the document so it travels with the file. */
export async function starResults(nodeIds: readonly string[], starred: boolean): Promise<void> {
  for (const id of nodeIds) (await findSceneNode(id))?.setPluginData(STAR_KEY, starred ? '1' : '');
  figma.commitUndo();
}
