import { grownBox } from '../core/placement.ts';
import { union, type Rect } from '../core/rect.ts';

export type ResultContainer = PageNode | SectionNode;

/**
 * Where a source's results live: the innermost section holding it (so they move with it), or
 * its page. They go beside the source's outermost ancestor there, never inside a frame, an auto
 * layout (it would reflow them), a group, a component or an instance.
 */
export function resultHome(source: SceneNode): { container: ResultContainer; anchor: SceneNode } {
  let anchor: SceneNode = source;
  let parent = source.parent;
  while (parent && parent.type !== 'PAGE' && parent.type !== 'SECTION') {
    anchor = parent as SceneNode;
    parent = parent.parent;
  }
  return { container: parent as ResultContainer, anchor };
}

/** The container's origin on the page: a section has its own coordinates. */
function originOf(container: ResultContainer): { x: number; y: number } {
  return container.type === 'SECTION' ? { x: container.absoluteTransform[0][2], y: container.absoluteTransform[1][2] } : { x: 0, y: 0 };
}

/** A node's box in the container's coordinates (what results placed in it are measured against). */
export function boxIn(container: ResultContainer, node: SceneNode): Rect | null {
  const b = node.absoluteBoundingBox;
  if (!b) return null;
  const o = originOf(container);
  return { x: b.x - o.x, y: b.y - o.y, width: b.width, height: b.height };
}

/** A point on the page in the container's coordinates. */
export function pointIn(container: ResultContainer, x: number, y: number): { x: number; y: number } {
  const o = originOf(container);
  return { x: x - o.x, y: y - o.y };
}

/**
 * Grows the section holding the slots, and each section around it, so that every slot lies
 * inside with a margin; a section is never shrunk. The slots were planned so that no section
 * grows over a neighbour (see placeResults).
 */
export function holdInSections(container: ResultContainer, slots: readonly Rect[], margin: number): void {
  if (!slots.length) return;
  const block = union(slots);
  for (let s: BaseNode | null = container; s && s.type === 'SECTION'; s = s.parent) {
    const section = s as SectionNode;
    const box = boxIn(container, section);
    if (!box) return;
    const grown = grownBox(box, block, margin);
    const width = grown.x + grown.width - box.x;
    const height = grown.y + grown.height - box.y;
    if (width > section.width || height > section.height) section.resizeWithoutConstraints(Math.max(section.width, width), Math.max(section.height, height));
  }
}
