import type { FakeSceneNode } from './nodes.ts';

/** Everything about a node and its layers a plugin could change, for "the source is untouched" checks. */
export function snapshotNode(node: FakeSceneNode): string {
  const describe = (n: FakeSceneNode): unknown => ({
    id: n.id,
    name: n.name,
    box: [n.x, n.y, n.width, n.height],
    visible: n.visible,
    opacity: n.opacity,
    fills: n.fills,
    pluginData: [...n.pluginData],
    relaunch: n.relaunchData,
    text: n.type === 'TEXT' ? [Reflect.get(n, 'characters'), Reflect.get(n, 'fontName'), Reflect.get(n, 'fontSize')] : undefined,
    writes: n.writes,
    children: n.children.map(describe),
  });
  return JSON.stringify({ ...(describe(node) as object), parent: node.parent?.id });
}
