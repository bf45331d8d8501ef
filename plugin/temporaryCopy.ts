import { PROVENANCE_KEY } from '../core/records/provenance.ts';
import { counterpart } from './area.ts';

/** Marks the plugin's temporary nodes, so any left by a crash are swept at the next start. */
export const TEMPORARY_KEY = 'riverflowTemporary';

/** The plugin's temporary nodes of this session, removed when the designer closes it mid-run. */
const live = new Set<SceneNode>();

/** Names and tags a node the plugin will remove again. */
export function temporary<T extends SceneNode>(node: T): T {
  node.name = 'Riverflow temporary copy (removed automatically)';
  node.setPluginData(TEMPORARY_KEY, '1');
  live.add(node);
  // A copy of a result would otherwise count as one in the history while it exists.
  if (node.getPluginData(PROVENANCE_KEY)) node.setPluginData(PROVENANCE_KEY, '');
  return node;
}

/**
 * Runs `use` on a copy of `node` with some of its layers hidden (a marker, text), never
 * touching the node itself. The copy sits on the page (an auto-layout parent must not reflow
 * around it and move the source) and is removed before this returns, whatever happens.
 */
export async function withTemporaryCopy<T>(node: SceneNode, hide: readonly SceneNode[], use: (copy: SceneNode) => Promise<T>): Promise<T> {
  const copy = temporary(node.clone());
  try {
    figma.currentPage.appendChild(copy);
    for (const layer of hide) {
      const twin = counterpart(node, copy, layer);
      if (twin) twin.visible = false;
    }
    return await use(copy);
  } finally {
    discard(copy);
  }
}

/** Whether `node` is one of `container`'s layers (at any depth). */
export function isInside(node: BaseNode, container: BaseNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === container) return true;
  return false;
}

/** Removes a temporary node (and forgets it); one already gone with its parent is left alone. */
export function discard(node: SceneNode): void {
  if (!node.removed) node.remove();
  live.delete(node);
}

/**
 * Figma's `close` event: a designer who closes the plugin while a frame exports must not find
 * the copy on the canvas. Synchronous, as the event requires; a crash is left to the next start's sweep.
 */
export function removeLiveTemporaries(): void {
  for (const node of live) discard(node);
}

/** Removes temporary copies a crash left on the current page. */
export function sweepTemporaryNodes(): void {
  try {
    // A copy inside its clipping frame goes with the frame: never remove a node twice (Figma throws).
    const left = figma.currentPage.findAllWithCriteria({ pluginData: { keys: [TEMPORARY_KEY] } });
    for (const node of left) if (!node.removed) node.remove();
    // Its own step: the designer's next ⌘Z must not bring the copies back with a result.
    if (left.length) figma.commitUndo();
  } catch (e) {
    // Tidying must never keep the panel from opening.
    console.error('Riverflow: could not remove a temporary copy', e);
  }
}
