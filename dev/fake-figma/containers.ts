import type { FakeSceneNode } from './nodes.ts';
import type { OpenFile } from './files.ts';
import type { ParentNode } from './base.ts';

/** Figma's rules for where a node may go: instances are closed, sections sit only on pages or in sections. */

/** Whether the node is an instance's sublayer (it belongs to the main component, not to the file's author). */
export function insideInstance(node: FakeSceneNode): boolean {
  for (let p: ParentNode | null = node.parent; p && p.type !== 'PAGE'; p = p.parent) if (p.type === 'INSTANCE') return true;
  return false;
}

/** What Figma throws on appendChild/insertChild. */
export function checkAppend(parent: ParentNode, child: FakeSceneNode): void {
  if (parent.type !== 'PAGE' && (parent.type === 'INSTANCE' || insideInstance(parent))) {
    throw new Error('in appendChild: Cannot move node. New parent is an instance or is inside of an instance');
  }
  if (insideInstance(child)) throw new Error('in appendChild: Cannot move node. Node is inside of an instance');
  if (child.type === 'SECTION' && parent.type !== 'PAGE' && parent.type !== 'SECTION') {
    throw new Error('in appendChild: Sections can only be children of pages or other sections');
  }
  for (let p: ParentNode | null = parent; p && p.type !== 'PAGE'; p = p.parent) {
    if (p === child) throw new Error('in appendChild: Cannot move node. A node cannot be a child of itself');
  }
}

export function checkRemove(node: FakeSceneNode): void {
  if (insideInstance(node)) throw new Error('in remove: Removing this node is not allowed');
}

/**
 * An auto-layout frame places its children itself, one after the other with its spacing and
 * padding, whenever one is added: a node appended to it does not stay where it was put.
 */
export function reflow(frame: FakeSceneNode): void {
  if (frame.layoutMode === 'NONE') return;
  let at = frame.layoutMode === 'HORIZONTAL' ? frame.paddingLeft : frame.paddingTop;
  for (const child of frame.children) {
    if (frame.layoutMode === 'HORIZONTAL') {
      child.x = at;
      child.y = frame.paddingTop;
      at += child.width + frame.itemSpacing;
    } else {
      child.x = frame.paddingLeft;
      child.y = at;
      at += child.height + frame.itemSpacing;
    }
  }
}

/** Makes `instance` an instance of `component`: its sublayers are the component's, copied in (closed to edits, as in Figma). */
export function instanceOf(component: FakeSceneNode, instance: FakeSceneNode): FakeSceneNode {
  instance.main = component;
  instance.fills = component.fills;
  for (const layer of component.children) {
    const copy = layer.clone();
    copy.detach();
    instance.children.push(copy);
    copy.parent = instance;
  }
  return instance;
}

/** Every scene node of every file, loaded page or not (a test's view of the documents, not Figma's). */
export function everyNode(files: readonly OpenFile[]): { file: number; node: FakeSceneNode }[] {
  const out: { file: number; node: FakeSceneNode }[] = [];
  const walk = (file: number, n: FakeSceneNode) => {
    out.push({ file, node: n });
    n.children.forEach((c) => walk(file, c));
  };
  files.forEach((f, i) => f.root.children.forEach((page) => page.childList.forEach((n) => walk(i, n))));
  return out;
}

/** ⌘D: a copy with new ids and the same plugin data, beside the original in its own parent. */
export function duplicateNode(node: FakeSceneNode): FakeSceneNode {
  const copy = node.clone();
  const parent = node.parent;
  // clone() parents the copy under the current page; a section's or another page's node goes back home.
  if (parent && parent !== copy.parent) (parent as FakeSceneNode).appendChild(copy);
  copy.x = node.x + 20;
  copy.y = node.y + 20;
  return copy;
}
