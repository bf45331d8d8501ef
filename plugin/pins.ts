import type { SelectedNode } from '../core/protocol/shared.ts';
import { PINS_KEY, PinsSchema } from '../core/records/pins.ts';
import { PluginProblem } from './bridge.ts';
import { findSceneNode } from './sceneNode.ts';
import { renderSize } from './nodeBounds.ts';
import { referenceProblem } from './selection.ts';

function pinnedIds(): string[] {
  const raw = figma.root.getPluginData(PINS_KEY);
  if (!raw) return [];
  try {
    const parsed = PinsSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // A hand-edited or foreign value: treated as no pins, and replaced on the next pin.
  }
  console.warn('Riverflow: the document’s pinned references are not readable; starting with none.');
  return [];
}

/** The pinned references that still exist and can be sent, and how many are gone. */
export async function describePins(): Promise<{ nodes: SelectedNode[]; missing: number }> {
  const nodes: SelectedNode[] = [];
  let missing = 0;
  for (const id of pinnedIds()) {
    const node = await findSceneNode(id);
    if (!node || referenceProblem(node)) missing++;
    else nodes.push({ id: node.id, name: node.name, ...renderSize(node) });
  }
  return { nodes, missing };
}

export async function setPinned(nodeId: string, pinned: boolean): Promise<void> {
  const ids = pinnedIds().filter((id) => id !== nodeId);
  if (pinned) {
    const node = await findSceneNode(nodeId);
    if (!node) throw new PluginProblem('That frame is no longer on the canvas.');
    ids.push(nodeId);
  }
  const parsed = PinsSchema.safeParse(ids);
  if (!parsed.success) throw new PluginProblem('Up to 10 references can be pinned: Riverflow reads no more.');
  // Kept in the document (not clientStorage): the brand kit belongs to the file, for everyone on it.
  figma.root.setPluginData(PINS_KEY, JSON.stringify(parsed.data));
  // The designer's own step: ⌘Z on the next result must not unpin.
  figma.commitUndo();
}
