import type { FakeDocument } from './base.ts';
import type { FakeSceneNode } from './nodes.ts';
import type { FakeDocumentNode, FakePage } from './page.ts';

/**
 * Figma's undo, for real: the whole document (every node's fields, plugin data, place in the
 * tree, the file's own plugin data) at each undo boundary, and ⌘Z puts the last one back. A
 * test then checks what undo restores, not how many steps were committed.
 */
interface NodeState {
  readonly node: FakeSceneNode | FakePage | FakeDocumentNode;
  readonly fields: Record<string, unknown>;
  readonly pluginData: [string, string][];
  readonly children: string[];
}
export type DocState = Map<string, NodeState>;

/** What a node is not: its links (rebuilt from the tree), its file, bookkeeping the plugin cannot see. */
const LINKS = new Set(['doc', 'id', 'type', 'parent', 'children', 'childList', 'pluginData', 'removed', 'writes', 'loaded', '_selection', 'onSelectionChange']);

const copyValue = (v: unknown): unknown => (Array.isArray(v) ? [...(v as unknown[])] : v && typeof v === 'object' && !('id' in v) ? { ...v } : v);

function kids(node: NodeState['node']): (FakeSceneNode | FakePage)[] {
  if (node.type === 'DOCUMENT') return node.children;
  if (node.type === 'PAGE') return node.childList;
  return node.children;
}

export function captureDocument(root: FakeDocumentNode): DocState {
  const state: DocState = new Map();
  const walk = (node: NodeState['node']) => {
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (!LINKS.has(k) && typeof v !== 'function') fields[k] = copyValue(v);
    state.set(node.id, { node, fields, pluginData: [...node.pluginData], children: kids(node).map((c) => c.id) });
    kids(node).forEach(walk);
  };
  walk(root);
  return state;
}

/** A state as text, to compare two documents (node objects and bookkeeping left out). */
export function describeDocument(state: DocState): string {
  // A field holding a node (an instance's main component) is named by its id.
  const byId = (key: string, v: unknown) => (key !== '' && v && typeof v === 'object' && 'id' in v && 'type' in v ? `#${String(v.id)}` : v);
  return JSON.stringify(
    [...state].map(([id, s]) => [id, s.fields, s.pluginData, s.children]),
    byId,
  );
}

/** Puts the document back as it was in `state`: nodes added since are removed, nodes removed since come back. */
export function restoreDocument(doc: FakeDocument, root: FakeDocumentNode, state: DocState): void {
  const now = captureDocument(root);
  for (const [id, { node }] of now) {
    if (state.has(id) || node.type === 'DOCUMENT' || node.type === 'PAGE') continue;
    (node as FakeSceneNode).parent = null;
    node.removed = true;
    doc.nodes.delete(id);
  }
  // Every node comes back before any is read: a removed node answers nothing.
  for (const { node } of state.values()) node.removed = false;
  for (const [id, s] of state) {
    const node = s.node;
    if (node.type !== 'DOCUMENT') doc.nodes.set(id, node);
    Object.assign(node, Object.fromEntries(Object.entries(s.fields).map(([k, v]) => [k, copyValue(v)])));
    node.pluginData.clear();
    for (const [k, v] of s.pluginData) node.pluginData.set(k, v);
    const list = kids(node) as { id: string }[];
    const children = s.children.map((c) => state.get(c)!.node);
    list.splice(0, list.length, ...children);
    for (const child of children) if (child.type !== 'PAGE') (child as { parent: unknown }).parent = node;
  }
}

/**
 * One file's undo history: a boundary at each commitUndo that changed something and after each
 * of the designer's own actions (each is its own step in Figma). ⌘Z undoes the open changes if
 * there are any, else the last step.
 */
export class UndoHistory {
  private readonly steps: DocState[];
  constructor(
    private readonly doc: FakeDocument,
    private readonly root: FakeDocumentNode,
  ) {
    this.steps = [captureDocument(root)];
  }
  private get top(): DocState {
    return this.steps[this.steps.length - 1]!;
  }
  /** Closes the open step; true when it changed anything (an empty commit makes no step). */
  boundary(): boolean {
    const now = captureDocument(this.root);
    if (describeDocument(now) === describeDocument(this.top)) return false;
    this.steps.push(now);
    return true;
  }
  undo(): void {
    if (describeDocument(captureDocument(this.root)) === describeDocument(this.top) && this.steps.length > 1) this.steps.pop();
    restoreDocument(this.doc, this.root, this.top);
  }
}
