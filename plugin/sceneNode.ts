/** The scene node with this id, or null when it is gone (deleted, or not a scene node at all). */
export async function findSceneNode(id: string): Promise<SceneNode | null> {
  const node = await figma.getNodeByIdAsync(id);
  if (!node || node.removed || node.type === 'PAGE' || node.type === 'DOCUMENT') return null;
  return node as SceneNode;
}

/** The page a node lives on. */
export function pageOf(node: BaseNode): PageNode | null {
  let n: BaseNode | null = node;
  while (n && n.type !== 'PAGE') n = n.parent;
  return n;
}

/**
 * The page, ready to read and change: under `documentAccess: "dynamic-page"` a page other
 * than the current one must be loaded first, or reading its children throws.
 */
export async function loadedPage(page: PageNode): Promise<PageNode> {
  if (page !== figma.currentPage) await page.loadAsync();
  return page;
}

/** An instance's sublayer: it belongs to its main component, and Figma refuses to remove or move it. */
export function inInstance(node: BaseNode): boolean {
  for (let n = node.parent; n && n.type !== 'PAGE'; n = n.parent) if (n.type === 'INSTANCE') return true;
  return false;
}

/** A component, or inside one: removing it would change every instance of it elsewhere. */
export function inComponent(node: BaseNode): boolean {
  for (let n: BaseNode | null = node; n && n.type !== 'PAGE'; n = n.parent) if (n.type === 'COMPONENT' || n.type === 'COMPONENT_SET') return true;
  return false;
}
