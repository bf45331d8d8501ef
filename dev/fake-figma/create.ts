import type { FakeDocument, SceneType } from './base.ts';
import { FakeSceneNode, type Artwork, type FakePage } from './nodes.ts';
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

/** A frame (or shape, or instance) the designer drew: artwork to render, a white fill, on a page or in a container. */
export function addDesignerFrame(
  doc: FakeDocument,
  target: FakePage | FakeSceneNode,
  type: SceneType,
  name: string,
  box: { x: number; y: number; width: number; height: number },
  artwork?: Artwork,
): FakeSceneNode {
  const node = createSceneNode(doc, type, name, box);
  // A frame added without artwork still shows something recognisable: its name on a card.
  node.artwork = artwork ?? { background: '#e8e2d6', accent: '#3b5b8c', title: name };
  node.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 }, opacity: 1, visible: true } as SolidPaint];
  node.writes = 0;
  if (target.type === 'PAGE') {
    target.childList.push(node);
    node.parent = target;
  } else target.appendChild(node);
  return node;
}
