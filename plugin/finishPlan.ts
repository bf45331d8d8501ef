import { parseProvenance, PROVENANCE_KEY } from '../core/records/provenance.ts';
import type { ReplyValue } from '../core/protocol/requests.ts';
import { PluginProblem } from './bridge.ts';
import { fileId } from './fileId.ts';
import { findSceneNode } from './sceneNode.ts';
import { referenceProblem, selectedNode } from './selection.ts';

/** What a result was made from, for "Finish with…": its references as they are now, the deleted ones counted. */
export async function finishPlan(nodeId: string): Promise<ReplyValue<'finish-plan'>> {
  const node = await findSceneNode(nodeId);
  const p = node && parseProvenance(node.getPluginData(PROVENANCE_KEY));
  if (!node || !p) throw new PluginProblem('This is not a Riverflow result any more, so it cannot be finished.');
  // Pasted from another file: this file's nodes with its sources' ids are other frames altogether.
  if (p.fileId !== undefined && p.fileId !== fileId())
    throw new PluginProblem('This result was made in another file: its references are there, so finish it in that file.');
  const ids = p.sourceNodeIds ?? [p.sourceNodeId];
  const found = await Promise.all(ids.map((id) => findSceneNode(id)));
  const sources = found.filter((n): n is SceneNode => !!n && !referenceProblem(n)).map(selectedNode);
  return {
    prompt: p.prompt,
    model: p.model,
    width: p.width,
    height: p.height,
    sources,
    missing: ids.length - sources.length,
    area: p.area !== undefined,
    keepTextSharp: p.keepTextSharp === true,
  };
}
