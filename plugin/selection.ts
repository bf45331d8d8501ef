import type { AreaSelection } from '../core/protocol/composite.ts';
import type { SelectedNode, SkippedNode } from '../core/protocol/shared.ts';
import { parseProvenance, PROVENANCE_KEY } from '../core/records/provenance.ts';
import { baseRule, nextPickOrder, NO_PICKS, type PickOrder } from '../core/selectionOrder.ts';
import { findArea, isMarker, visibleTextLayers } from './area.ts';
import { renderSize, SHAPE_TYPES } from './nodeBounds.ts';
import { describeProtected, layerToProtect } from './protect.ts';

const CONTAINER_TYPES = new Set(['FRAME', 'COMPONENT', 'COMPONENT_SET', 'INSTANCE', 'GROUP', 'SECTION']);

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

function boxOf(node: SceneNode) {
  const b = node.absoluteBoundingBox;
  return { id: node.id, box: b ? { x: b.x, y: b.y, width: b.width, height: b.height } : { x: node.x, y: node.y, width: node.width, height: node.height } };
}

let picks: PickOrder = NO_PICKS;

/** Follows a selection change: call on every `selectionchange` and once at start. */
export function trackSelection(selection: readonly SceneNode[]): void {
  picks = nextPickOrder(picks, selection.map(boxOf));
}

/** What the panel lists for a usable node: its size as rendered, its text, and whether it is a result. */
export function selectedNode(node: SceneNode): SelectedNode {
  const p = parseProvenance(node.getPluginData(PROVENANCE_KEY));
  // A composite's image was made here, so Runware does not hold it: it is uploaded before an upscale.
  const result = p
    ? {
        ...(p.composite ? {} : { imageUUID: p.imageUUID }),
        ...(p.composite ?? { width: p.width, height: p.height }),
        ...(p.keepTextSharp ? { liveText: true } : {}),
        ...(p.upscaleFactor ? { upscaled: true } : {}),
      }
    : undefined;
  const texts = CONTAINER_TYPES.has(node.type) ? visibleTextLayers(node).length : 0;
  const kept = describeProtected(node);
  return {
    id: node.id,
    name: node.name,
    ...renderSize(node),
    ...(result ? { result } : {}),
    ...(texts ? { textLayers: texts } : {}),
    ...(kept.length ? { protected: kept } : {}),
  };
}

/**
 * The selection as the UI shows it: usable nodes in pick order (the base first), the rest with
 * a reason. Every usable node is listed: Riverflow's 10-reference limit belongs to "Combine as
 * references", which the panel applies; "Edit each frame" takes any number. A marker shape
 * makes its frame the base, selected or not, and is not itself a reference.
 */
export function describeSelection(selection: readonly SceneNode[]): {
  nodes: SelectedNode[];
  skipped: SkippedNode[];
  order: 'picked' | 'reading';
  area?: AreaSelection;
  layer?: ReturnType<typeof layerToProtect>;
} {
  const byId = new Map(selection.map((n) => [n.id, n]));
  const ordered = picks.ids.map((id) => byId.get(id)).filter((n): n is SceneNode => n !== undefined);
  const found = findArea(selection);
  const nodes: SelectedNode[] = [];
  const skipped: SkippedNode[] = [];
  if (found) nodes.push(selectedNode(found.frame));
  for (const node of ordered) {
    if (node === found?.marker || node === found?.frame) continue;
    const problem = isMarker(node)
      ? found
        ? 'is a second marked area (one area per run)'
        : 'is a shape, not a frame (draw it on a frame to mark an area)'
      : referenceProblem(node);
    if (problem) skipped.push({ name: node.name, reason: problem });
    else nodes.push(selectedNode(node));
  }
  const layer = layerToProtect(selection);
  return { nodes, skipped, order: baseRule(picks), ...(found ? { area: found.selection } : {}), ...(layer ? { layer } : {}) };
}

/** True when nothing shows through the node, so a JPG loses no transparency. */
export function isOpaque(node: SceneNode): boolean {
  if ('opacity' in node && node.opacity < 1) return false;
  if (!('fills' in node) || !Array.isArray(node.fills)) return false;
  return (node.fills as readonly Paint[]).some((f) => f.visible !== false && (f.opacity ?? 1) === 1 && (f.type === 'SOLID' || f.type === 'IMAGE'));
}
