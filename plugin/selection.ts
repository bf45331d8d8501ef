import type { SelectedNode } from '../core/protocol.ts';
import { MAX_REFERENCES } from '../core/runware/tasks.ts';

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

/** The selection as the UI shows it: usable nodes in selection order, the rest with a reason. */
export function describeSelection(selection: readonly SceneNode[]): { nodes: SelectedNode[]; skipped: { name: string; reason: string }[] } {
  const nodes: SelectedNode[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const node of selection) {
    const problem = referenceProblem(node);
    if (problem) skipped.push({ name: node.name, reason: problem });
    else if (nodes.length >= MAX_REFERENCES) skipped.push({ name: node.name, reason: `is past the ${MAX_REFERENCES}-reference limit` });
    else nodes.push({ id: node.id, name: node.name, width: node.width, height: node.height });
  }
  return { nodes, skipped };
}

/** True when nothing shows through the node, so a JPG loses no transparency. */
export function isOpaque(node: SceneNode): boolean {
  if ('opacity' in node && node.opacity < 1) return false;
  if (!('fills' in node) || !Array.isArray(node.fills)) return false;
  return (node.fills as readonly Paint[]).some((f) => f.visible !== false && (f.opacity ?? 1) === 1 && (f.type === 'SOLID' || f.type === 'IMAGE'));
}
