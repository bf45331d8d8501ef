import { parseProvenance, PROVENANCE_KEY } from '../core/records/provenance.ts';
import { PluginProblem } from './bridge.ts';
import { findSceneNode, inComponent, inInstance, loadedPage, pageOf } from './sceneNode.ts';
import { srgbExport } from './srgbExport.ts';

/**
 * Keeps one result of a run and removes the run's other variations, as one undo step.
 * Only nodes whose own provenance names this run are removed: a source (even a result of
 * an earlier run) is never touched.
 */
export async function keepResult(runId: string, nodeId: string): Promise<number> {
  const kept = await findSceneNode(nodeId);
  const keptRun = kept && parseProvenance(kept.getPluginData(PROVENANCE_KEY))?.runId;
  if (!kept || keptRun !== runId) throw new PluginProblem('That result is no longer on the canvas.');
  const page = await loadedPage(pageOf(kept) ?? figma.currentPage);
  const others = page
    .findAllWithCriteria({ pluginData: { keys: [PROVENANCE_KEY] } })
    .filter((n) => n.id !== kept.id && parseProvenance(n.getPluginData(PROVENANCE_KEY))?.runId === runId)
    // Only the run's own nodes as placed: never an instance's sublayer, nor a result the designer made a component of.
    .filter((n) => !inInstance(n) && !inComponent(n));
  for (const node of others) node.remove();
  if (page === figma.currentPage) figma.currentPage.selection = [kept];
  figma.commitUndo();
  return others.length;
}

/** A picture of a node, `width` pixels wide, for the panel's before/after view. */
export async function exportPreview(nodeId: string, width: number): Promise<Uint8Array> {
  const node = await findSceneNode(nodeId);
  if (!node) throw new PluginProblem('That frame is no longer on the canvas.');
  return node.exportAsync(srgbExport('PNG', { type: 'WIDTH', value: width }));
}
