import { clone, createClientStorage } from './clientStorage.ts';
import type { FakeFigmaOptions, FakeHost } from './host.ts';
import { addDesignerFrame, createSceneNode } from './create.ts';
import { createEvents } from './events.ts';
import { createNodeApi } from './nodeApi.ts';
import { addPage, openFile, type OpenFile } from './files.ts';
import type { Artwork, FakeDocument, FakePage, FakeSceneNode } from './nodes.ts';
import { addLayer, type LayerSpec } from './layers.ts';
import { sessionGuard, strict } from './strict.ts';
import { createUI } from './ui.ts';
import { duplicateNode, everyNode, instanceOf } from './containers.ts';
import { typeParameter } from './parameters.ts';
import { captureDocument, describeDocument, UndoHistory } from './undo.ts';

export type { FakeFigmaOptions, FakeHost } from './host.ts';
export { snapshotNode } from './snapshot.ts';

export function createFakeFigma(options: FakeFigmaOptions): FakeHost {
  const events = createEvents(() => host.closed);
  const { emit } = events;
  const inputHandlers = new Set<(event: ParameterInputEvent) => void>();
  let command = options.command ?? '';
  const exportCalls: FakeDocument['exportCalls'] = [];
  const imageBytes = new Map<string, Uint8Array>();
  const fonts = { missing: new Set(options.missingFonts ?? []), loaded: new Set<string>() };

  const shared = { render: options.render, exportCalls, imageBytes, fonts, onSelectionChange: () => emit('selectionchange') };
  const newFile = () => openFile(shared);
  const makePage = (f: OpenFile, name: string) => addPage(f, name, shared.onSelectionChange);
  let file = newFile();
  const files = [file];
  const histories = new Map<OpenFile, UndoHistory>();
  const history = () => histories.get(file) ?? histories.set(file, new UndoHistory(file.doc, file.root)).get(file)!;
  history();
  // Each of the designer's own actions is its own undo step in Figma.
  const designerStep = <T>(made: T): T => {
    history().boundary();
    return made;
  };
  // One clientStorage per user and plugin: a second plugin window (another file) passes the same map.
  const storage = options.sharedStorage ?? new Map<string, unknown>(Object.entries(options.storage ?? {}));
  const notifications: FakeHost['notifications'] = [];
  const undoSteps = { count: 0, at: [] as number[] };
  const messageLog: { at: number; type: string }[] = [];
  const uiOptions: FakeHost['uiOptions'] = { value: undefined };
  const scrolledTo: string[][] = [];
  let onmessage: MessageEventHandler | undefined;
  const messageHandlers = new Set<MessageEventHandler>();
  const host: Partial<FakeHost> & { closed: boolean } = { closed: false };

  const storageWrites: string[] = [];
  const persist = (key: string) => {
    storageWrites.push(key);
    options.onStorageChange?.(Object.fromEntries(storage));
  };
  const clientStorage = createClientStorage(storage, persist, () => host.closed, options.storageLatencyMs);

  const ui = createUI({
    post: (message) => !host.closed && options.toUI?.(clone(message)),
    setHandler: (h) => (onmessage = h),
    getHandler: () => onmessage,
    handlers: messageHandlers,
    close: () => host.close!(),
    resize: (width, height) => {
      uiOptions.value = { ...uiOptions.value, width, height };
      options.onResize?.(width, height);
    },
  });

  const viewport: Pick<ViewportAPI, 'center' | 'zoom' | 'scrollAndZoomIntoView'> = {
    center: { x: 600, y: 400 },
    zoom: 0.5,
    scrollAndZoomIntoView(nodes) {
      scrolledTo.push(nodes.map((n) => n.id));
    },
  };

  const refusals = { createImage: 0 };
  const nodeApi = createNodeApi({
    refusals,
    imageBytes,
    fonts,
    fetchImage: options.fetchImage,
    create: (type) => createSceneNode(file.doc, type, type === 'FRAME' ? 'Frame' : type === 'SECTION' ? 'Section' : 'Rectangle'),
    page: () => file.current,
  });
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
    | 'mixed'
    | 'loadAllPagesAsync'
    | 'setCurrentPageAsync'
  > & {
    parameters: unknown;
    currentPage: unknown;
    root: unknown;
    ui: unknown;
    clientStorage: unknown;
    viewport: unknown;
  } = {
    apiVersion: '1.0.0',
    editorType: 'figma',
    get command() {
      return command;
    },
    // Read-only under dynamic-page: switching goes through setCurrentPageAsync.
    get currentPage() {
      return file.current;
    },
    get root() {
      return file.root;
    },
    async setCurrentPageAsync(target: PageNode) {
      const next = target as unknown as FakePage;
      if (!file.root.children.includes(next)) throw new Error('in setCurrentPageAsync: the page is not in this document');
      await next.loadAsync();
      file.current = next;
      emit('currentpagechange');
      emit('selectionchange');
    },
    ui: strict(ui, 'figma.ui'),
    clientStorage: strict(clientStorage, 'figma.clientStorage'),
    viewport: strict(viewport, 'figma.viewport'),
    showUI(_html: string, opts?: ShowUIOptions) {
      uiOptions.value = opts;
      options.onShowUI?.(opts);
    },
    on: events.on as PluginAPI['on'],
    once: events.once as PluginAPI['once'],
    off: events.off as PluginAPI['off'],
    notify(message: string, opts?: NotificationOptions) {
      // Figma shows at most 100 characters of a notification (the typings): the rest is never seen.
      notifications.push({ message: message.slice(0, 100), error: opts?.error === true });
      return { cancel() {} };
    },
    commitUndo() {
      history().boundary();
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
      const node = file.doc.nodes.get(id);
      return (node && !node.removed ? node : null) as unknown as BaseNode | null;
    },
    mixed: Symbol('figma.mixed') as unknown as PluginAPI['mixed'],
    ...nodeApi,
    async loadAllPagesAsync() {
      await Promise.all(file.root.children.map((p) => p.loadAsync()));
    },
  };

  const sessions = sessionGuard(strict(api, 'figma'), () => host.closed);
  Object.defineProperty(host, 'figma', { get: () => sessions.current() as unknown as PluginAPI, enumerable: true });
  Object.assign(host, {
    addPage: (name: string) => designerStep(makePage(file, name)),
    goToPage(page: FakePage) {
      page.loaded = true;
      file.current = page;
      emit('currentpagechange');
      emit('selectionchange');
    },
    openFile(index?: number) {
      if (index === undefined) {
        file = newFile();
        files.push(file);
      } else file = files[index] ?? file;
    },
    everyNode: () => everyNode(files),
    notifications,
    undoSteps,
    messageLog,
    storage,
    storageWrites,
    uiOptions,
    scrolledTo,
    exportCalls,
    images: imageBytes,
    addFrame(
      name: string,
      box: { x: number; y: number; width: number; height: number },
      artwork?: Artwork,
      type: Parameters<FakeHost['addFrame']>[3] = 'FRAME',
      parent?: FakePage | FakeSceneNode,
    ) {
      return designerStep(addDesignerFrame(file.doc, parent ?? file.current, type ?? 'FRAME', name, box, artwork));
    },
    addInstance: (component: FakeSceneNode, name: string, at: { x: number; y: number }, parent?: FakePage | FakeSceneNode) =>
      designerStep(
        instanceOf(component, host.addFrame!(name, { ...at, width: component.width, height: component.height }, component.artwork, 'INSTANCE', parent)),
      ),
    addLayer: (parent: FakePage | FakeSceneNode, spec: LayerSpec) => designerStep(addLayer(file.doc, parent, spec)),
    undo: () => history().undo(),
    edit: (change: () => void) => designerStep(change()),
    document: () => describeDocument(captureDocument(file.root)),
    refuseCreateImage(times: number) {
      refusals.createImage = times;
    },
    duplicate: (node: FakeSceneNode) => designerStep(duplicateNode(node)),
    select(nodes: readonly FakeSceneNode[]) {
      file.current.selection = nodes;
    },
    fromUI(message: unknown) {
      if (host.closed) return;
      const m = clone(message);
      messageLog.push({ at: performance.now(), type: String((m as { type?: unknown } | null)?.type) });
      onmessage?.(m, { origin: 'null' });
      messageHandlers.forEach((h) => h(m, { origin: 'null' }));
    },
    run(next = '', parameters?: Record<string, unknown>) {
      command = next;
      emit('run', { command, parameters });
    },
    input: (key: string, query: string, entered: Record<string, unknown> = {}) => typeParameter(inputHandlers, key, query, entered),
    close() {
      if (host.closed) return;
      // Figma runs the plugin's close handlers first, with the API still open to them.
      emit('close');
      host.closed = true;
    },
    restart() {
      events.clear();
      inputHandlers.clear();
      messageHandlers.clear();
      onmessage = undefined;
      uiOptions.value = undefined;
      // Fonts are loaded per plugin session.
      fonts.loaded.clear();
      sessions.next();
      host.closed = false;
    },
    node: (id: string) => file.doc.nodes.get(id),
  });
  // Getters, not copies: Object.assign would freeze the page and the file seen at creation.
  Object.defineProperties(host, {
    page: { get: () => file.current, enumerable: true },
    pages: { get: () => file.root.children, enumerable: true },
  });
  return host as FakeHost;
}
