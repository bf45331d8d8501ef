import { FakeBase } from './base.ts';
import { checkAppend } from './containers.ts';
import type { FakeSceneNode } from './nodes.ts';

/** The file's root: pages, and the document's own plugin data. */
export class FakeDocumentNode
  extends FakeBase
  implements Pick<DocumentNode, 'id' | 'name' | 'type' | 'getPluginData' | 'setPluginData' | 'documentColorProfile'>
{
  readonly type = 'DOCUMENT' as const;
  readonly parent = null;
  readonly children: FakePage[] = [];
  /** Set in File → Color profile; read-only to plugins. A new file is sRGB; older ones are 'LEGACY' (treated as sRGB). */
  documentColorProfile: DocumentNode['documentColorProfile'] = 'SRGB';
}

const NOT_LOADED =
  'Cannot access children on a page that has not been explicitly loaded. Please call `await page.loadAsync()` or `await figma.loadAllPagesAsync()` first.';

export class FakePage extends FakeBase implements Pick<PageNode, 'id' | 'name' | 'type' | 'removed' | 'getPluginData' | 'setPluginData' | 'loadAsync'> {
  readonly type = 'PAGE' as const;
  parent: FakeDocumentNode | null = null;
  /** Under dynamic-page only the current page is loaded; others need loadAsync first. */
  loaded = false;
  readonly childList: FakeSceneNode[] = [];
  private _selection: FakeSceneNode[] = [];
  onSelectionChange: () => void = () => {};

  get children(): FakeSceneNode[] {
    if (!this.loaded) throw new Error(NOT_LOADED);
    return this.childList;
  }

  async loadAsync(): Promise<void> {
    await new Promise((r) => setTimeout(r, 1));
    this.loaded = true;
  }

  /** Figma promises no order; the fake reports layer order, never the order of clicks. */
  get selection(): FakeSceneNode[] {
    const order = this.findAllUnchecked();
    // A node deleted (or undone) leaves the selection with it.
    return this._selection.filter((n) => !n.removed).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }
  set selection(nodes: readonly FakeSceneNode[]) {
    this._selection = [...nodes];
    // Figma fires selectionchange after the change, asynchronously.
    setTimeout(() => this.onSelectionChange(), 0);
  }

  appendChild(child: FakeSceneNode): void {
    if (!this.loaded) throw new Error(NOT_LOADED);
    checkAppend(this, child);
    child.detach();
    this.childList.push(child);
    child.parent = this;
  }

  private findAllUnchecked(): FakeSceneNode[] {
    const out: FakeSceneNode[] = [];
    const walk = (n: FakeSceneNode) => {
      out.push(n);
      n.children.forEach(walk);
    };
    this.childList.forEach(walk);
    return out;
  }
  /** Only the pluginData criterion is implemented; others throw so a gap is visible. */
  findAllWithCriteria(criteria: { pluginData?: { keys?: string[] }; [other: string]: unknown }): FakeSceneNode[] {
    const unknown = Object.keys(criteria).filter((k) => k !== 'pluginData');
    if (unknown.length) throw new Error(`FakeFigma: findAllWithCriteria({${unknown.join(', ')}}) is not implemented by the fake`);
    const keys = criteria.pluginData?.keys;
    return this.findAll((n) => (keys ? keys.some((k) => n.getPluginData(k) !== '') : n.pluginData.size > 0));
  }

  findAll(predicate?: (n: FakeSceneNode) => boolean): FakeSceneNode[] {
    if (!this.loaded) throw new Error(NOT_LOADED);
    return this.findAllUnchecked().filter((n) => !predicate || predicate(n));
  }
}
