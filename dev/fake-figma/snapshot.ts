import type { FakeSceneNode } from './nodes.ts';

/** Everything about a node a plugin could change, for "the source is untouched" checks. */
export function snapshotNode(node: FakeSceneNode): string {
  return JSON.stringify({
    name: node.name,
    box: [node.x, node.y, node.width, node.height],
    visible: node.visible,
    opacity: node.opacity,
    fills: node.fills,
    pluginData: [...node.pluginData],
    relaunch: node.relaunchData,
    children: node.children.map((c) => c.id),
    parent: node.parent?.id,
  });
}
