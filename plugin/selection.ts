import type { SelectedNode, SkippedNode } from '../core/protocol/shared.ts';
import { parseProvenance, PROVENANCE_KEY } from '../core/records/provenance.ts';
import { baseRule, nextPickOrder, NO_PICKS, type PickOrder } from '../core/selectionOrder.ts';

const CONTAINER_TYPES = new Set(['FRAME', 'COMPONENT', 'COMPONENT_SET', 'INSTANCE', 'GROUP', 'SECTION']);
const SHAPE_TYPES = new Set(['RECTANGLE', 'ELLIPSE', 'POLYGON', 'STAR', 'VECTOR']);

function hasImageFill(node: SceneNode): boolean {
  return 'fills' in node && Array.isArray(node.fills) && (node.fills as readonly Paint[]).some((f) => f.type === 'IMAGE' && f.visible !== false);
}

/** Why a node cannot be a reference, or undefined when it can. */
export function referenceProblem(node: SceneNode): string | undefined {
  if (!CONTAINER_TYPES.has(node.type) && !(SHAPE_TYPES.has(node.type) && hasImageFill(node))) {
    return 'is not a frame, group, component or image';
  }
  if (!node.visible) return 'is hidden';
  if (node.width < 1 || node.height < 1) return 'has no size to export';
  return undefined;
}

/**
 * What exportAsync really renders: the visible bounds, shadows, outside strokes and
 * unclipped children included. Sizes and ratios are planned from this, not from width×height.
 */
export function renderSize(node: SceneNode): { width: number; height: number } {
  const b = ('absoluteRenderBounds' in node ? node.absoluteRenderBounds : null) ?? node.absoluteBoundingBox;
  return b ? { width: b.width, height: b.height } : { width: node.width, height: node.height };
}

function boxOf(node: SceneNode) {
  const b = node.absoluteBoundingBox;
  return { id: node.id, box: b ? { x: b.x, y: b.y, width: b.width, height: b.height } : { x: node.x, y: node.y, width: node.width, height: node.height } };
}

let picks: PickOrder = NO_PICKS;

/** Follows a selection change: call on every `selectionchange` and once at start. */
export function trackSelection(selection: readonly SceneNode[]): void {
  picks = nextPickOrder(picks, selection.map(boxOf));
}

/**
 * The selection as the UI shows it: usable nodes in pick order (the base first), the rest with
 * a reason. Every usable node is listed: Riverflow's 10-reference limit belongs to "Combine as
 * references", which the panel applies; "Edit each frame" takes any number.
 */
export function describeSelection(selection: readonly SceneNode[]): { nodes: SelectedNode[]; skipped: SkippedNode[]; order: 'picked' | 'reading' } {
  const byId = new Map(selection.map((n) => [n.id, n]));
  const ordered = picks.ids.map((id) => byId.get(id)).filter((n): n is SceneNode => n !== undefined);
  const nodes: SelectedNode[] = [];
  const skipped: SkippedNode[] = [];
  for (const node of ordered) {
    const problem = referenceProblem(node);
    if (problem) skipped.push({ name: node.name, reason: problem });
    else {
      const p = parseProvenance(node.getPluginData(PROVENANCE_KEY));
      const px = p ? { width: p.width * (p.upscaleFactor ?? 1), height: p.height * (p.upscaleFactor ?? 1) } : undefined;
      nodes.push({ id: node.id, name: node.name, ...renderSize(node), ...(p && px ? { result: { imageUUID: p.imageUUID, ...px } } : {}) });
    }
  }
  return { nodes, skipped, order: baseRule(picks) };
}

/** True when nothing shows through the node, so a JPG loses no transparency. */
export function isOpaque(node: SceneNode): boolean {
  if ('opacity' in node && node.opacity < 1) return false;
  if (!('fills' in node) || !Array.isArray(node.fills)) return false;
  return (node.fills as readonly Paint[]).some((f) => f.visible !== false && (f.opacity ?? 1) === 1 && (f.type === 'SOLID' || f.type === 'IMAGE'));
}
