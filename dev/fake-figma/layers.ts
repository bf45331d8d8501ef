import { createSceneNode } from './create.ts';
import type { FakeDocument } from './base.ts';
import type { FakePage, FakeSceneNode } from './nodes.ts';
import type { FakeTextNode } from './text.ts';

const solid = (hex: string, opacity = 1): SolidPaint => ({
  type: 'SOLID',
  color: { r: parseInt(hex.slice(1, 3), 16) / 255, g: parseInt(hex.slice(3, 5), 16) / 255, b: parseInt(hex.slice(5, 7), 16) / 255 },
  opacity,
  visible: true,
  blendMode: 'NORMAL',
});

/** A layer as a designer draws it: position relative to its parent (a frame, or the page). */
export type LayerSpec =
  | { type: 'TEXT'; name: string; x: number; y: number; characters: string; font: FontName; fontSize: number; color?: string; rotation?: number }
  | { type: 'RECTANGLE' | 'ELLIPSE'; name: string; x: number; y: number; width: number; height: number; color?: string; opacity?: number }
  | { type: 'VECTOR'; name: string; x: number; y: number; width: number; height: number; path: string; color?: string; opacity?: number };

/** Adds a layer as the designer would: a text layer sizes itself to its words (auto width). */
export function addLayer(doc: FakeDocument, parent: FakePage | FakeSceneNode, spec: LayerSpec): FakeSceneNode {
  const node = createSceneNode(doc, spec.type, spec.name);
  node.x = spec.x;
  node.y = spec.y;
  if (spec.type === 'TEXT') {
    (node as FakeTextNode).typeset(spec.characters, spec.font, spec.fontSize);
    node.width = Math.ceil(spec.characters.length * spec.fontSize * 0.56);
    node.height = Math.ceil(spec.fontSize * 1.21);
    node.fills = [solid(spec.color ?? '#111111')];
    node.rotation = spec.rotation ?? 0;
  } else {
    node.width = spec.width;
    node.height = spec.height;
    node.fills = [solid(spec.color ?? '#ff3b30', spec.opacity ?? 0.4)];
    if (spec.type === 'VECTOR') node.vectorPaths = [{ windingRule: 'NONZERO', data: spec.path }];
  }
  node.writes = 0;
  if (parent.type === 'PAGE') {
    parent.childList.push(node);
    node.parent = parent;
  } else parent.appendChild(node);
  return node;
}
