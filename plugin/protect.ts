import { MAX_PROTECTED, PROTECT_KEY, ProtectedIdsSchema, readProtectedIds, type ProtectedLayer } from '../core/records/protection.ts';
import { frameAround } from './nodeBounds.ts';
import { PluginProblem } from './bridge.ts';
import { findSceneNode } from './sceneNode.ts';

/** The frame's protected layers that still exist inside it, in the order they were protected. */
export function protectedLayers(frame: SceneNode): SceneNode[] {
  const ids = readProtectedIds(frame.getPluginData(PROTECT_KEY));
  if (!ids.length || !('findAll' in frame)) return [];
  const inside = new Map(frame.findAll((n) => ids.includes(n.id)).map((n) => [n.id, n]));
  return ids.map((id) => inside.get(id)).filter((n): n is SceneNode => n !== undefined);
}

export function describeProtected(frame: SceneNode): ProtectedLayer[] {
  return protectedLayers(frame).map((n) => ({ id: n.id, name: n.name }));
}

/** One layer selected inside a frame: what Protect acts on. */
export function layerToProtect(selection: readonly SceneNode[]) {
  const [layer] = selection;
  const frame = selection.length === 1 && layer ? frameAround(layer) : undefined;
  if (!layer || !frame) return undefined;
  const isProtected = readProtectedIds(frame.getPluginData(PROTECT_KEY)).includes(layer.id);
  return { id: layer.id, name: layer.name, frameId: frame.id, frameName: frame.name, protected: isProtected };
}

/** Whether this layer is protected in the frame around it (a protected shape is never an area marker). */
export function isProtected(node: SceneNode): boolean {
  const frame = frameAround(node);
  return !!frame && readProtectedIds(frame.getPluginData(PROTECT_KEY)).includes(node.id);
}

/** Protects a layer of its frame, or stops protecting it: the designer's own undo step. */
export async function setProtected(layerId: string, on: boolean): Promise<{ frameId: string; layers: ProtectedLayer[] }> {
  const layer = await findSceneNode(layerId);
  if (!layer) throw new PluginProblem('That layer is no longer on the canvas.');
  const frame = frameAround(layer);
  if (!frame) throw new PluginProblem(`“${layer.name}” is not inside a frame: select a layer of the frame you edit.`);
  // Ids of layers deleted since are dropped as the list is written again.
  const kept = protectedLayers(frame)
    .map((n) => n.id)
    .filter((id) => id !== layerId);
  const ids = on ? [...kept, layerId] : kept;
  const parsed = ProtectedIdsSchema.safeParse(ids);
  if (!parsed.success) throw new PluginProblem(`Up to ${MAX_PROTECTED} layers of a frame can be protected.`);
  if (parsed.data.length) frame.setPluginData(PROTECT_KEY, JSON.stringify(parsed.data));
  else frame.setPluginData(PROTECT_KEY, '');
  figma.commitUndo();
  return { frameId: frame.id, layers: describeProtected(frame) };
}
