import type { FakeDocument, SceneType } from './base.ts';
import { FakeSceneNode } from './nodes.ts';
import { strict } from './strict.ts';
import { FakeTextNode } from './text.ts';

const CLIPPING_TYPES = new Set<SceneType>(['FRAME', 'COMPONENT', 'COMPONENT_SET', 'INSTANCE']);
const TYPE_NAMES: Partial<Record<SceneType, string>> = {
  RECTANGLE: 'RectangleNode',
  FRAME: 'FrameNode',
  TEXT: 'TextNode',
  ELLIPSE: 'EllipseNode',
  VECTOR: 'VectorNode',
};

/** A node registered in its file, wrapped so that any API member the fake lacks throws. */
export function createSceneNode(doc: FakeDocument, type: SceneType, name: string, box: Partial<Rect> = {}): FakeSceneNode {
  const raw = type === 'TEXT' ? new FakeTextNode(doc, doc.nextId(), name, type) : new FakeSceneNode(doc, doc.nextId(), name, type);
  // Only frames clip their content: groups, shapes and text have no clipsContent in Figma.
  if (!CLIPPING_TYPES.has(type)) delete (raw as { clipsContent?: boolean }).clipsContent;
  const node = strict(raw, TYPE_NAMES[type] ?? `${type}Node`);
  node.x = box.x ?? 0;
  node.y = box.y ?? 0;
  node.width = box.width ?? 100;
  node.height = box.height ?? 100;
  node.writes = 0;
  doc.nodes.set(node.id, node);
  return node;
}
