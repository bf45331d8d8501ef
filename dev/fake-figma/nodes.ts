import { strict } from './strict.ts';

/** What the host draws for a sample frame; the same scene renders in Node (sharp) and in the browser (canvas). */
export interface Artwork {
  readonly background: string;
  readonly accent: string;
  readonly title: string;
  readonly subtitle?: string;
}

export type ExportRenderer = (
  node: FakeSceneNode,
  settings: { format: 'PNG' | 'JPG'; width: number; height: number },
  images: ReadonlyMap<string, Uint8Array>,
) => Promise<Uint8Array>;

/** One Figma file: its nodes, pages and plugin data; several files share one clientStorage. */
export interface FakeDocument {
  readonly nodes: Map<string, FakeNode>;
  nextId(): string;
  render: ExportRenderer;
  exportCalls: { nodeId: string; settings: ExportSettings }[];
  imageBytes: Map<string, Uint8Array>;
}

type ParentNode = FakePage | FakeSceneNode;
export type FakeNode = FakePage | FakeSceneNode | FakeDocumentNode;

abstract class FakeBase {
  readonly pluginData = new Map<string, string>();
  removed = false;
  constructor(
    protected readonly doc: FakeDocument,
    readonly id: string,
    public name: string,
  ) {}

  getPluginData(key: string): string {
    return this.pluginData.get(key) ?? '';
  }
  setPluginData(key: string, value: string): void {
    // Figma caps an entry at 100 kB; a fake that allowed more would hide a real failure.
    if (key.length + value.length > 100_000) throw new Error('in setPluginData: entry is too large');
    if (value === '') this.pluginData.delete(key);
    else this.pluginData.set(key, value);
  }
  getPluginDataKeys(): string[] {
    return [...this.pluginData.keys()];
  }
}

/** The file's root: pages, and the document's own plugin data. */
export class FakeDocumentNode extends FakeBase implements Pick<DocumentNode, 'id' | 'name' | 'type' | 'getPluginData' | 'setPluginData'> {
  readonly type = 'DOCUMENT' as const;
  readonly parent = null;
  readonly children: FakePage[] = [];
}

const NOT_LOADED = 'Cannot access children on a page that has not been explicitly loaded. Please call `await page.loadAsync()` or `await figma.loadAllPagesAsync()` first.';

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
    return [...this._selection].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }
  set selection(nodes: readonly FakeSceneNode[]) {
    this._selection = [...nodes];
    // Figma fires selectionchange after the change, asynchronously.
    setTimeout(() => this.onSelectionChange(), 0);
  }

  appendChild(child: FakeSceneNode): void {
    if (!this.loaded) throw new Error(NOT_LOADED);
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

type SceneType = 'FRAME' | 'RECTANGLE' | 'GROUP' | 'COMPONENT' | 'INSTANCE' | 'SECTION' | 'TEXT' | 'ELLIPSE';

export class FakeSceneNode
  extends FakeBase
  implements Pick<FrameNode, 'id' | 'name' | 'x' | 'y' | 'width' | 'height' | 'visible' | 'opacity' | 'removed' | 'getPluginData' | 'setPluginData' | 'resize' | 'remove'>
{
  x = 0;
  y = 0;
  width = 100;
  height = 100;
  visible = true;
  opacity = 1;
  parent: ParentNode | null = null;
  readonly children: FakeSceneNode[] = [];
  fills: Paint[] = [];
  strokes: Paint[] = [];
  effects: Effect[] = [];
  rotation = 0;
  strokeWeight = 1;
  strokeAlign: 'INSIDE' | 'OUTSIDE' | 'CENTER' = 'INSIDE';
  relaunchData: Record<string, string> = {};
  artwork: Artwork | undefined = undefined;
  /** Counts writes to the node, so tests can prove a source was never modified. */
  writes = 0;

  constructor(
    doc: FakeDocument,
    id: string,
    name: string,
    readonly type: SceneType,
  ) {
    super(doc, id, name);
  }

  get absoluteBoundingBox(): Rect | null {
    let x = this.x;
    let y = this.y;
    for (let p = this.parent; p && p.type !== 'PAGE'; p = p.parent) {
      x += p.x;
      y += p.y;
    }
    return { x, y, width: this.width, height: this.height };
  }

  /**
   * What exportAsync renders: the box grown by visible drop shadows and by strokes drawn
   * outside it (children are clipped by frames here, as by default in Figma).
   */
  get absoluteRenderBounds(): Rect | null {
    const box = this.absoluteBoundingBox!;
    let [left, top, right, bottom] = [box.x, box.y, box.x + box.width, box.y + box.height];
    const stroke = this.strokes.some((p) => p.visible !== false) ? (this.strokeAlign === 'OUTSIDE' ? this.strokeWeight : this.strokeAlign === 'CENTER' ? this.strokeWeight / 2 : 0) : 0;
    [left, top, right, bottom] = [left - stroke, top - stroke, right + stroke, bottom + stroke];
    for (const e of this.effects) {
      if (e.type !== 'DROP_SHADOW' || e.visible === false) continue;
      const reach = e.radius + (e.spread ?? 0);
      left = Math.min(left, box.x + e.offset.x - reach);
      top = Math.min(top, box.y + e.offset.y - reach);
      right = Math.max(right, box.x + box.width + e.offset.x + reach);
      bottom = Math.max(bottom, box.y + box.height + e.offset.y + reach);
    }
    return { x: left, y: top, width: right - left, height: bottom - top };
  }

  resize(width: number, height: number): void {
    if (!(width >= 0.01 && height >= 0.01)) throw new Error('in resize: width and height must be >= 0.01');
    this.width = width;
    this.height = height;
    this.writes++;
  }

  appendChild(child: FakeSceneNode): void {
    child.detach();
    this.children.push(child);
    child.parent = this;
  }

  detach(): void {
    if (!this.parent) return;
    const siblings = this.parent.type === 'PAGE' ? this.parent.childList : this.parent.children;
    siblings.splice(siblings.indexOf(this), 1);
    this.parent = null;
  }

  remove(): void {
    this.detach();
    this.removed = true;
    this.doc.nodes.delete(this.id);
  }

  override setPluginData(key: string, value: string): void {
    super.setPluginData(key, value);
    this.writes++;
  }

  setRelaunchData(data: Record<string, string>): void {
    this.relaunchData = { ...data };
    this.writes++;
  }
  getRelaunchData(): Record<string, string> {
    return { ...this.relaunchData };
  }

  async exportAsync(settings: ExportSettings): Promise<Uint8Array> {
    if (settings.format !== 'PNG' && settings.format !== 'JPG') throw new Error(`FakeFigma: export format ${settings.format} is not implemented`);
    this.doc.exportCalls.push({ nodeId: this.id, settings });
    // Figma exports the visible bounds, so a shadow or an outside stroke changes size and ratio.
    const bounds = this.absoluteRenderBounds!;
    const c = (settings as ExportSettingsImage).constraint ?? { type: 'SCALE', value: 1 };
    const scale = c.type === 'SCALE' ? c.value : c.type === 'WIDTH' ? c.value / bounds.width : c.value / bounds.height;
    const width = Math.max(1, Math.round(bounds.width * scale));
    const height = Math.max(1, Math.round(bounds.height * scale));
    // Figma refuses exports beyond its renderer's limits.
    if (width * height > 16384 * 16384) throw new Error('in exportAsync: the export is too large');
    return this.doc.render(this, { format: settings.format, width, height }, this.doc.imageBytes);
  }
}

function assertWritable<T extends FakeSceneNode>(node: T): T {
  return strict(node, node.type === 'RECTANGLE' ? 'RectangleNode' : node.type === 'FRAME' ? 'FrameNode' : `${node.type}Node`);
}

export function createSceneNode(doc: FakeDocument, type: SceneType, name: string, box: Partial<Rect> = {}): FakeSceneNode {
  const node = assertWritable(new FakeSceneNode(doc, doc.nextId(), name, type));
  node.x = box.x ?? 0;
  node.y = box.y ?? 0;
  node.width = box.width ?? 100;
  node.height = box.height ?? 100;
  node.writes = 0;
  doc.nodes.set(node.id, node);
  return node;
}
