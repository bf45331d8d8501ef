import type { FakeSceneNode } from './nodes.ts';
import type { FakePage } from './page.ts';
import type { FakeDocumentNode } from './page.ts';

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
  /** Every export, with the colour profile it was rendered in (`DOCUMENT` resolved to the file's). */
  exportCalls: { nodeId: string; settings: ExportSettings; profile: 'SRGB' | 'DISPLAY_P3' }[];
  /** The file's colour profile (`figma.root.documentColorProfile`). */
  colorProfile(): DocumentNode['documentColorProfile'];
  imageBytes: Map<string, Uint8Array>;
  /** Makes a node of a type, registered in the file but without a parent (clone() builds on it). */
  create(type: SceneType, name: string): FakeSceneNode;
  currentPage(): FakePage;
  /** Fonts this machine lacks ("Family Style"), and fonts the plugin has loaded this session. */
  readonly fonts: { readonly missing: ReadonlySet<string>; readonly loaded: Set<string> };
}

export type SceneType = 'FRAME' | 'RECTANGLE' | 'GROUP' | 'COMPONENT' | 'COMPONENT_SET' | 'INSTANCE' | 'SECTION' | 'TEXT' | 'ELLIPSE' | 'VECTOR';

export type ParentNode = FakePage | FakeSceneNode;
export type FakeNode = FakePage | FakeSceneNode | FakeDocumentNode;

export abstract class FakeBase {
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
