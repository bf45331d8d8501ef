import { FakeBase, type Artwork, type FakeDocument, type ParentNode, type SceneType } from './base.ts';
import { multiply } from '../../core/composite/transform.ts';
import { checkAppend, checkRemove, reflow } from './containers.ts';
import { fillGeometryOf, renderBounds } from './geometry.ts';

export type { Artwork, ExportRenderer, FakeDocument, FakeNode, SceneType } from './base.ts';
export { FakeDocumentNode, FakePage } from './page.ts';

export class FakeSceneNode
  extends FakeBase
  implements
    Pick<
      FrameNode,
      'id' | 'name' | 'x' | 'y' | 'width' | 'height' | 'visible' | 'opacity' | 'removed' | 'getPluginData' | 'setPluginData' | 'resize' | 'remove'
    >
{
  x = 0;
  y = 0;
  width = 100;
  height = 100;
  visible = true;
  /** A locked layer cannot be picked on the canvas: a click selects what holds it. */
  locked = false;
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
  /** Frames clip their children by default, as in Figma. */
  clipsContent = true;
  /** A vector's outline (SVG path data), which is also its fill geometry. */
  vectorPaths: VectorPaths = [];
  artwork: Artwork | undefined = undefined;
  private exportSettingsValue: readonly ExportSettings[] = [];
  /** Figma keeps a frozen copy, and refuses a constraint it does not know or a value that is not positive. */
  get exportSettings(): readonly ExportSettings[] {
    return this.exportSettingsValue;
  }
  set exportSettings(settings: readonly ExportSettings[]) {
    for (const s of settings) {
      if (!['JPG', 'PNG', 'SVG', 'PDF'].includes(s.format)) throw new Error(`in set_exportSettings: invalid format "${String(s.format)}"`);
      const c = (s as ExportSettingsImage).constraint;
      if (c && (!['SCALE', 'WIDTH', 'HEIGHT'].includes(c.type) || !(c.value > 0) || !Number.isFinite(c.value)))
        throw new Error('in set_exportSettings: invalid constraint');
    }
    this.exportSettingsValue = Object.freeze(settings.map((s) => Object.freeze({ ...s })));
    this.writes++;
  }
  /** Counts writes to the node, so tests can prove a source was never modified. */
  writes = 0;
  /** Auto layout (frames, components, instances): children placed by the frame. */
  layoutMode: 'NONE' | 'HORIZONTAL' | 'VERTICAL' = 'NONE';
  itemSpacing = 0;
  paddingLeft = 0;
  paddingTop = 0;
  /** An instance's main component (read with getMainComponentAsync under dynamic-page). */
  main: FakeSceneNode | null = null;

  constructor(
    doc: FakeDocument,
    id: string,
    name: string,
    readonly type: SceneType,
  ) {
    super(doc, id, name);
  }

  /** Figma's convention: rotation in degrees, counter-clockwise on screen, around the node's top-left corner. */
  get relativeTransform(): Transform {
    const r = (this.rotation * Math.PI) / 180;
    const [c, s] = [Math.cos(r), Math.sin(r)];
    return [
      [c, s, this.x],
      [0 - s, c, this.y],
    ];
  }
  set relativeTransform(m: Transform) {
    const [[a, b], [c, d]] = [m[0], m[1]];
    if (Math.abs(a - d) > 1e-9 || Math.abs(b + c) > 1e-9 || Math.abs(a * a + c * c - 1) > 1e-9)
      throw new Error('FakeFigma: a scaled or skewed relativeTransform is not implemented by the fake');
    this.x = m[0][2];
    this.y = m[1][2];
    // + 0: an unturned node reports 0, not -0.
    this.rotation = (Math.atan2(-c, a) * 180) / Math.PI + 0;
  }
  get absoluteTransform(): Transform {
    const parent = this.parent;
    return parent && parent.type !== 'PAGE' ? multiply(parent.absoluteTransform, this.relativeTransform) : this.relativeTransform;
  }

  /** The box around the node as it sits on the page, rotation included. */
  get absoluteBoundingBox(): Rect | null {
    const [[a, c, e], [b, d, f]] = this.absoluteTransform;
    const corners = [
      [0, 0],
      [this.width, 0],
      [0, this.height],
      [this.width, this.height],
    ].map(([x, y]) => [a * x! + c * y! + e, b * x! + d * y! + f] as const);
    // Rounded as Figma reports them: a quarter turn leaves no 1e-14 crumbs.
    const r = (v: number) => Math.round(v * 1e6) / 1e6;
    const xs = corners.map((p) => r(p[0]));
    const ys = corners.map((p) => r(p[1]));
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  }

  /** The shape's outline as Figma gives it (SVG path data in the node's own coordinates). */
  get fillGeometry(): VectorPaths {
    return fillGeometryOf(this);
  }

  findAll(predicate?: (n: FakeSceneNode) => boolean): FakeSceneNode[] {
    const out: FakeSceneNode[] = [];
    const walk = (n: FakeSceneNode) => {
      for (const c of n.children) {
        if (!predicate || predicate(c)) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }
  /** Only the `types` criterion is implemented; others throw so a gap is visible. */
  findAllWithCriteria(criteria: { types?: string[]; [other: string]: unknown }): FakeSceneNode[] {
    const unknown = Object.keys(criteria).filter((k) => k !== 'types');
    if (unknown.length) throw new Error(`FakeFigma: node.findAllWithCriteria({${unknown.join(', ')}}) is not implemented by the fake`);
    return this.findAll((n) => !criteria.types || criteria.types.includes(n.type));
  }

  /** A deep copy with new ids, parented under the current page as Figma does; plugin data comes along. */
  clone(): FakeSceneNode {
    const copy = this.doc.create(this.type, this.name);
    copy.copyFrom(this);
    for (const child of this.children) copy.appendChild(child.clone());
    this.doc.currentPage().appendChild(copy);
    return copy;
  }

  /** The fields a duplicate shares with its original (subclasses add theirs). */
  protected copyFrom(source: FakeSceneNode): void {
    Object.assign(this, {
      x: source.x,
      y: source.y,
      width: source.width,
      height: source.height,
      visible: source.visible,
      opacity: source.opacity,
      fills: source.fills,
      strokes: source.strokes,
      effects: source.effects,
      rotation: source.rotation,
      strokeWeight: source.strokeWeight,
      strokeAlign: source.strokeAlign,
      artwork: source.artwork,
      vectorPaths: source.vectorPaths,
      relaunchData: { ...source.relaunchData },
    });
    if ('clipsContent' in source && 'clipsContent' in this) this.clipsContent = source.clipsContent;
    source.pluginData.forEach((v, k) => this.pluginData.set(k, v));
    this.writes = 0;
  }

  /** What exportAsync renders (see renderBounds). */
  get absoluteRenderBounds(): Rect | null {
    return renderBounds(this);
  }

  /** `mainComponent` is a sync lookup: under dynamic-page Figma refuses it. */
  get mainComponent(): never {
    throw new Error('in get_mainComponent: Cannot call with documentAccess: dynamic-page. Use node.getMainComponentAsync instead.');
  }
  async getMainComponentAsync(): Promise<FakeSceneNode | null> {
    if (this.type !== 'INSTANCE') throw new Error(`FakeFigma: ${this.type}.getMainComponentAsync does not exist (instances only)`);
    return this.main && !this.main.removed ? this.main : null;
  }

  resize(width: number, height: number): void {
    // SectionNode has resizeWithoutConstraints only.
    if (this.type === 'SECTION') throw new TypeError('node.resize is not a function (a section has resizeWithoutConstraints only)');
    this.resizeWithoutConstraints(width, height);
  }
  resizeWithoutConstraints(width: number, height: number): void {
    if (!(width >= 0.01 && height >= 0.01)) throw new Error('in resize: width and height must be >= 0.01');
    this.width = width;
    this.height = height;
    this.writes++;
  }

  appendChild(child: FakeSceneNode): void {
    checkAppend(this, child);
    child.detach();
    this.children.push(child);
    child.parent = this;
    reflow(this);
  }

  detach(): void {
    if (!this.parent) return;
    const siblings = this.parent.type === 'PAGE' ? this.parent.childList : this.parent.children;
    siblings.splice(siblings.indexOf(this), 1);
    this.parent = null;
  }

  remove(): void {
    checkRemove(this);
    this.detach();
    // Its layers go with it; once marked removed, a node answers nothing but `removed` and `id`.
    const gone = [this, ...this.findAll()];
    for (const n of gone) this.doc.nodes.delete(n.id);
    for (const n of gone) n.removed = true;
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
    // Figma renders in the document's profile unless asked: a P3 file's export is P3, which a model reads as sRGB.
    const asked = (settings as ExportSettingsImage).colorProfile ?? 'DOCUMENT';
    if (!['DOCUMENT', 'SRGB', 'DISPLAY_P3_V4'].includes(asked)) throw new Error(`in exportAsync: invalid colorProfile "${String(asked)}"`);
    const profile = asked === 'SRGB' || (asked === 'DOCUMENT' && this.doc.colorProfile() !== 'DISPLAY_P3') ? 'SRGB' : 'DISPLAY_P3';
    this.doc.exportCalls.push({ nodeId: this.id, settings, profile });
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
