import { parseProvenance, PROVENANCE_KEY } from '../core/records/provenance.ts';
import { PluginProblem } from './bridge.ts';
import { placedByRun } from './placedLedger.ts';
import { findSceneNode, inComponent, inInstance, pageOf } from './sceneNode.ts';
import { srgbExport } from './srgbExport.ts';

/**
 * Keeps one result of a run and removes the run's other variations, as one undo step. Only the
 * nodes the run placed (by id, in the file's ledger) that still sit where they were placed and
 * still name the run: never a duplicate or a paste of one (they carry its provenance), a result
 * the designer moved elsewhere, an instance's sublayer, or a component made of one.
 */
export async function keepResult(runId: string, nodeId: string): Promise<number> {
  const kept = await findSceneNode(nodeId);
  const keptRun = kept && parseProvenance(kept.getPluginData(PROVENANCE_KEY))?.runId;
  if (!kept || keptRun !== runId) throw new PluginProblem('That result is no longer on the canvas.');
  const others: SceneNode[] = [];
  for (const placed of placedByRun(runId)) {
    if (placed.nodeId === kept.id) continue;
    const node = await findSceneNode(placed.nodeId);
    if (!node || node.parent?.id !== placed.containerId) continue;
    if (parseProvenance(node.getPluginData(PROVENANCE_KEY))?.runId !== runId || inInstance(node) || inComponent(node)) continue;
    others.push(node);
  }
  for (const node of others) node.remove();
  if (pageOf(kept) === figma.currentPage) figma.currentPage.selection = [kept];
  figma.commitUndo();
  return others.length;
}

/** A picture of a node, `width` pixels wide, for the panel's before/after view. */
export async function exportPreview(nodeId: string, width: number): Promise<Uint8Array> {
  const node = await findSceneNode(nodeId);
  if (!node) throw new PluginProblem('That frame is no longer on the canvas.');
  return node.exportAsync(srgbExport('PNG', { type: 'WIDTH', value: width }));
}
