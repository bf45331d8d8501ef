import { checkCreateImage, imageHashOf } from './images.ts';
import { createSceneNode, FakePage, type Artwork, type ExportRenderer, type FakeDocument, type FakeNode, type FakeSceneNode } from './nodes.ts';
import { strict } from './strict.ts';

type Handler = (...args: unknown[]) => void;

export interface FakeFigmaOptions {
  /** Draws a node for exportAsync: sharp in Node, a canvas in the playground. */
  readonly render: ExportRenderer;
  /** clientStorage's initial contents (the playground restores them across reloads). */
  readonly storage?: Record<string, unknown>;
  readonly onStorageChange?: (all: Record<string, unknown>) => void;
  /** Where figma.ui.postMessage goes: the iframe in the playground, a list in tests. */
  readonly toUI?: (message: unknown) => void;
  /**
   * How figma.createImageAsync gets a URL's bytes. Figma fetches it itself, free of the
   * iframe's CORS; the playground goes through its server for the same effect.
   */
  readonly fetchImage?: (url: string) => Promise<Uint8Array>;
  /** Called by figma.showUI: the playground creates the plugin iframe here, as Figma does. */
  readonly onShowUI?: (options: ShowUIOptions | undefined) => void;
  readonly command?: string;
}

/** The test's and the playground's side of the fake: what a person or a test does to "Figma". */
export interface FakeHost {
  readonly figma: PluginAPI;
  readonly page: FakePage;
  readonly notifications: { message: string; error: boolean }[];
  readonly undoSteps: { count: number; at: number[] };
  /** When each UI message arrived (performance.now()), for timing figures. */
  readonly messageLog: { at: number; type: string }[];
  readonly storage: Map<string, unknown>;
  readonly uiOptions: { value: ShowUIOptions | undefined };
  readonly scrolledTo: string[][];
  readonly exportCalls: FakeDocument['exportCalls'];
  readonly images: Map<string, Uint8Array>;
  addFrame(name: string, box: { x: number; y: number; width: number; height: number }, artwork?: Artwork, type?: 'FRAME' | 'GROUP' | 'COMPONENT' | 'INSTANCE' | 'SECTION' | 'TEXT' | 'RECTANGLE'): FakeSceneNode;
  select(nodes: readonly FakeSceneNode[]): void;
  /** A message from the UI, as `parent.postMessage({pluginMessage})` delivers it. */
  fromUI(message: unknown): void;
  /** Fires `run` as Figma does when the plugin starts. */
  run(command?: string, parameters?: Record<string, unknown>): void;
  /** Types into a quick-action parameter; resolves with the suggestions the plugin set. */
  input(key: string, query: string): Promise<unknown[]>;
  close(): void;
  /** After close(): forget the plugin's handlers so the plugin code can run again on the same document. */
  restart(): void;
  node(id: string): FakeNode | undefined;
  closed: boolean;
}

/** Figma structured-clones every message and stored value; so does the fake. */
const clone = <T>(v: T): T => structuredClone(v);

export function createFakeFigma(options: FakeFigmaOptions): FakeHost {
  let counter = 1;
  const doc: FakeDocument = {
    nodes: new Map(),
    nextId: () => `1:${counter++}`,
    render: options.render,
    exportCalls: [],
    imageBytes: new Map(),
  };
  const page = strict(new FakePage(doc, '0:1', 'Page 1'), 'PageNode');
  doc.nodes.set(page.id, page);
  const handlers = new Map<string, Set<Handler>>();
  const inputHandlers = new Set<(event: ParameterInputEvent) => void>();
  const emit = (event: string, ...args: unknown[]) => handlers.get(event)?.forEach((h) => h(...args));
  page.onSelectionChange = () => emit('selectionchange');
  const storage = new Map<string, unknown>(Object.entries(options.storage ?? {}));
  const notifications: FakeHost['notifications'] = [];
  const undoSteps = { count: 0, at: [] as number[] };
  const messageLog: { at: number; type: string }[] = [];
  const uiOptions: FakeHost['uiOptions'] = { value: undefined };
  const scrolledTo: string[][] = [];
  let onmessage: MessageEventHandler | undefined;
  const messageHandlers = new Set<MessageEventHandler>();
  const host: Partial<FakeHost> & { closed: boolean } = { closed: false };

  const persist = () => options.onStorageChange?.(Object.fromEntries(storage));
  const on = (event: string, h: Handler) => {
    if (!handlers.has(event)) handlers.set(event, new Set());
    handlers.get(event)!.add(h);
  };

  const clientStorage: Pick<ClientStorageAPI, 'getAsync' | 'setAsync' | 'deleteAsync' | 'keysAsync'> = {
    async getAsync(key) {
      return storage.has(key) ? clone(storage.get(key)) : undefined;
    },
    async setAsync(key, value) {
      const next = new Map(storage).set(key, clone(value));
      // Figma's clientStorage holds 5 MB per plugin.
      const size = [...next.values()].reduce<number>((n, v) => n + (v instanceof Uint8Array ? v.length : JSON.stringify(v ?? null).length), 0);
      if (size > 5 * 1024 * 1024) throw new Error('clientStorage quota exceeded');
      storage.set(key, clone(value));
      persist();
    },
    async deleteAsync(key) {
      storage.delete(key);
      persist();
    },
    async keysAsync() {
      return [...storage.keys()];
    },
  };

  const ui: Pick<UIAPI, 'postMessage' | 'onmessage' | 'on' | 'off' | 'show' | 'hide' | 'resize' | 'close'> = {
    postMessage(message) {
      if (host.closed) return;
      options.toUI?.(clone(message));
    },
    get onmessage() {
      return onmessage;
    },
    set onmessage(h) {
      onmessage = h;
    },
    on(_type: 'message', h: MessageEventHandler) {
      messageHandlers.add(h);
    },
    off(_type: 'message', h: MessageEventHandler) {
      messageHandlers.delete(h);
    },
    show() {},
    hide() {},
    resize() {},
    close() {
      host.close!();
    },
  } as Pick<UIAPI, 'postMessage' | 'onmessage' | 'on' | 'off' | 'show' | 'hide' | 'resize' | 'close'>;

  const viewport: Pick<ViewportAPI, 'center' | 'zoom' | 'scrollAndZoomIntoView'> = {
    center: { x: 600, y: 400 },
    zoom: 0.5,
    scrollAndZoomIntoView(nodes) {
      scrolledTo.push(nodes.map((n) => n.id));
    },
  };

  const api: Pick<
    PluginAPI,
    | 'apiVersion'
    | 'editorType'
    | 'command'
    | 'showUI'
    | 'on'
    | 'once'
    | 'off'
    | 'notify'
    | 'commitUndo'
    | 'closePlugin'
    | 'getNodeByIdAsync'
    | 'createImage'
    | 'createImageAsync'
    | 'getImageByHash'
    | 'mixed'
    | 'createRectangle'
    | 'loadAllPagesAsync'
  > & {
    parameters: unknown; currentPage: unknown; ui: unknown; clientStorage: unknown; viewport: unknown } = {
    apiVersion: '1.0.0',
    editorType: 'figma',
    command: options.command ?? '',
    currentPage: page,
    ui: strict(ui, 'figma.ui'),
    clientStorage: strict(clientStorage, 'figma.clientStorage'),
    viewport: strict(viewport, 'figma.viewport'),
    showUI(_html: string, opts?: ShowUIOptions) {
      uiOptions.value = opts;
      options.onShowUI?.(opts);
    },
    on: on as PluginAPI['on'],
    once: ((event: string, h: Handler) => {
      const once: Handler = (...args) => {
        handlers.get(event)?.delete(once);
        h(...args);
      };
      on(event, once);
    }) as PluginAPI['once'],
    off: ((event: string, h: Handler) => handlers.get(event)?.delete(h)) as PluginAPI['off'],
    notify(message: string, opts?: NotificationOptions) {
      notifications.push({ message, error: opts?.error === true });
      return { cancel() {} };
    },
    commitUndo() {
      undoSteps.count++;
      undoSteps.at.push(performance.now());
    },
    closePlugin(message?: string) {
      if (message) notifications.push({ message, error: false });
      host.close!();
    },
    parameters: strict(
      {
        on: (_type: 'input', h: (event: ParameterInputEvent) => void) => void inputHandlers.add(h),
        once: (_type: 'input', h: (event: ParameterInputEvent) => void) => void inputHandlers.add(h),
        off: (_type: 'input', h: (event: ParameterInputEvent) => void) => void inputHandlers.delete(h),
      } satisfies Pick<ParametersAPI, 'on' | 'once' | 'off'>,
      'figma.parameters',
    ),
    async getNodeByIdAsync(id: string) {
      const node = doc.nodes.get(id);
      return (node && !node.removed ? node : null) as unknown as BaseNode | null;
    },
    mixed: Symbol('figma.mixed') as unknown as PluginAPI['mixed'],
    createImage(bytes: Uint8Array) {
      checkCreateImage(bytes);
      const hash = imageHashOf(bytes);
      doc.imageBytes.set(hash, bytes);
      return api.getImageByHash(hash)!;
    },
    getImageByHash(hash: string) {
      const bytes = doc.imageBytes.get(hash);
      if (!bytes) return null;
      const image: Pick<Image, 'hash' | 'getBytesAsync' | 'getSizeAsync'> = {
        hash,
        getBytesAsync: async () => bytes,
        getSizeAsync: async () => checkCreateImage(bytes),
      };
      return strict(image, 'Image') as Image;
    },
    async createImageAsync(src: string) {
      const bytes = options.fetchImage ? await options.fetchImage(src) : new Uint8Array(await (await fetch(src)).arrayBuffer());
      return api.createImage(bytes);
    },
    createRectangle() {
      const node = createSceneNode(doc, 'RECTANGLE', 'Rectangle');
      page.appendChild(node);
      return node as unknown as RectangleNode;
    },
    async loadAllPagesAsync() {},
  };

  Object.assign(host, {
    figma: strict(api, 'figma') as unknown as PluginAPI,
    page,
    notifications,
    undoSteps,
    messageLog,
    storage,
    uiOptions,
    scrolledTo,
    exportCalls: doc.exportCalls,
    images: doc.imageBytes,
    addFrame(name: string, box: { x: number; y: number; width: number; height: number }, artwork?: Artwork, type: Parameters<FakeHost['addFrame']>[3] = 'FRAME') {
      const node = createSceneNode(doc, type ?? 'FRAME', name, box);
      node.artwork = artwork;
      node.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 }, opacity: 1, visible: true } as SolidPaint];
      node.writes = 0;
      page.appendChild(node);
      return node;
    },
    select(nodes: readonly FakeSceneNode[]) {
      page.selection = nodes;
    },
    fromUI(message: unknown) {
      if (host.closed) return;
      const m = clone(message);
      messageLog.push({ at: performance.now(), type: String((m as { type?: unknown } | null)?.type) });
      onmessage?.(m, { origin: 'null' });
      messageHandlers.forEach((h) => h(m, { origin: 'null' }));
    },
    run(command = '', parameters?: Record<string, unknown>) {
      emit('run', { command, parameters });
    },
    input(key: string, query: string) {
      return new Promise<unknown[]>((resolve) => {
        const result = strict(
          {
            setSuggestions: (s: unknown[]) => resolve(s),
            setError: (message: string) => resolve([{ error: message }]),
            setLoadingMessage: () => {},
          } satisfies Pick<SuggestionResults, 'setSuggestions' | 'setError' | 'setLoadingMessage'>,
          'SuggestionResults',
        );
        inputHandlers.forEach((h) => h({ key, query, parameters: {}, result } as ParameterInputEvent));
      });
    },
    close() {
      if (host.closed) return;
      host.closed = true;
      emit('close');
    },
    restart() {
      handlers.clear();
      inputHandlers.clear();
      messageHandlers.clear();
      onmessage = undefined;
      uiOptions.value = undefined;
      host.closed = false;
    },
    node: (id: string) => doc.nodes.get(id),
  });
  return host as FakeHost;
}

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
