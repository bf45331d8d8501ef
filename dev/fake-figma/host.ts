import type { LayerSpec } from './layers.ts';
import type { Artwork, ExportRenderer, FakeDocument, FakeNode, FakePage, FakeSceneNode } from './nodes.ts';

export interface FakeFigmaOptions {
  /** Draws a node for exportAsync: sharp in Node, a canvas in the playground. */
  readonly render: ExportRenderer;
  /** clientStorage's initial contents (the playground restores them across reloads). */
  readonly storage?: Record<string, unknown>;
  /** The clientStorage of another plugin window of the same user (the plugin open in two files at once). */
  readonly sharedStorage?: Map<string, unknown>;
  readonly onStorageChange?: (all: Record<string, unknown>) => void;
  /** Where figma.ui.postMessage goes: the iframe in the playground, a list in tests. */
  readonly toUI?: (message: unknown) => void;
  /**
   * How figma.createImageAsync gets a URL's bytes. Figma's page on images says the image
   * server's CORS can block it: the playground fetches from the browser, under CORS.
   */
  readonly fetchImage?: (url: string) => Promise<Uint8Array>;
  /** Called by figma.showUI: the playground creates the plugin iframe here, as Figma does. */
  readonly onShowUI?: (options: ShowUIOptions | undefined) => void;
  /** Called by figma.ui.resize: the playground resizes the plugin iframe. */
  readonly onResize?: (width: number, height: number) => void;
  readonly command?: string;
  /** Fonts this machine lacks ("Family Style"): text in them shows hasMissingFont and cannot be loaded. */
  readonly missingFonts?: readonly string[];
  /** clientStorage's round trip (2 ms by default); the simulation runs at 0. */
  readonly storageLatencyMs?: number;
}

/** The test's and the playground's side of the fake: what a person or a test does to "Figma". */
export interface FakeHost {
  readonly figma: PluginAPI;
  /** The current page of the open file. */
  readonly page: FakePage;
  readonly pages: readonly FakePage[];
  /** Adds a page to the open file (not loaded, as under dynamic-page). */
  addPage(name: string): FakePage;
  /** The designer switches page, as clicking it in Figma's page list does. */
  goToPage(page: FakePage): void;
  /** Opens a new file (its own document, ids and pages), or goes back to an earlier one by index; clientStorage is shared. */
  openFile(index?: number): void;
  /** Every scene node of every open file, loaded page or not, with its file's index (a test's view, not Figma's). */
  everyNode(): { file: number; node: FakeSceneNode }[];
  readonly notifications: { message: string; error: boolean }[];
  readonly undoSteps: { count: number; at: number[] };
  /** When each UI message arrived (performance.now()), for timing figures. */
  readonly messageLog: { at: number; type: string }[];
  readonly storage: Map<string, unknown>;
  /** Every clientStorage write that landed, by key, in order (each one is a round trip to the app). */
  readonly storageWrites: string[];
  readonly uiOptions: { value: ShowUIOptions | undefined };
  readonly scrolledTo: string[][];
  readonly exportCalls: FakeDocument['exportCalls'];
  readonly images: Map<string, Uint8Array>;
  addFrame(
    name: string,
    box: { x: number; y: number; width: number; height: number },
    artwork?: Artwork,
    type?: 'FRAME' | 'GROUP' | 'COMPONENT' | 'COMPONENT_SET' | 'INSTANCE' | 'SECTION' | 'TEXT' | 'RECTANGLE',
    /** A page (the current one by default), a section, or a frame to nest it in. */
    parent?: FakePage | FakeSceneNode,
  ): FakeSceneNode;
  /** An instance of a component, with copies of the component's layers as its (closed) sublayers. */
  addInstance(component: FakeSceneNode, name: string, at: { x: number; y: number }, parent?: FakePage | FakeSceneNode): FakeSceneNode;
  /** Draws a layer into a frame (or onto the page): text, a marker shape, a vector. */
  addLayer(parent: FakePage | FakeSceneNode, spec: LayerSpec): FakeSceneNode;
  /** The designer changes the document by hand (deletes, moves, renames): one undo step of their own. */
  edit(change: () => void): void;
  /** ⌘Z: puts the document back as it was before the last undo step (or the changes not committed yet). */
  undo(): void;
  /** The open file's document as text (every node, its plugin data and place), to compare before and after. */
  document(): string;
  /** Figma refuses the next `times` createImage calls (its sandbox out of memory for a moment). */
  refuseCreateImage(times: number): void;
  /** The designer duplicates a node (⌘D): new ids, the same plugin data, in the same parent. */
  duplicate(node: FakeSceneNode): FakeSceneNode;
  select(nodes: readonly FakeSceneNode[]): void;
  /** A message from the UI, as `parent.postMessage({pluginMessage})` delivers it. */
  fromUI(message: unknown): void;
  /** Fires `run` as Figma does when the plugin starts. */
  run(command?: string, parameters?: Record<string, unknown>): void;
  /** Types into a quick-edit parameter; resolves with the suggestions the plugin set. */
  input(key: string, query: string, entered?: Record<string, unknown>): Promise<unknown[]>;
  close(): void;
  /** After close(): forget the plugin's handlers so the plugin code can run again on the same document. */
  restart(): void;
  node(id: string): FakeNode | undefined;
  closed: boolean;
}
