import type { ExportRenderer, FakeDocument } from './base.ts';
import { createSceneNode } from './create.ts';
import { FakeDocumentNode, FakePage } from './page.ts';
import { strict } from './strict.ts';

/** An open Figma file: its document, and the page the designer is on. */
export interface OpenFile {
  readonly doc: FakeDocument;
  readonly root: FakeDocumentNode;
  current: FakePage;
}

interface Shared {
  readonly render: ExportRenderer;
  readonly exportCalls: FakeDocument['exportCalls'];
  readonly imageBytes: Map<string, Uint8Array>;
  readonly fonts: FakeDocument['fonts'];
  readonly onSelectionChange: () => void;
}

/** Adds a page to a file (not loaded, as under dynamic-page). */
export function addPage(file: OpenFile, name: string, onSelectionChange: () => void): FakePage {
  const page = strict(new FakePage(file.doc, `0:${file.root.children.length + 1}`, name), 'PageNode');
  page.parent = file.root;
  page.onSelectionChange = onSelectionChange;
  file.root.children.push(page);
  file.doc.nodes.set(page.id, page);
  return page;
}

/** A new file: ids start again at 1:1, as node ids repeat across real files; images and fonts are the machine's. */
export function openFile(shared: Shared): OpenFile {
  let counter = 1;
  const doc: FakeDocument = {
    nodes: new Map(),
    nextId: () => `1:${counter++}`,
    render: shared.render,
    exportCalls: shared.exportCalls,
    imageBytes: shared.imageBytes,
    create: (type, name) => createSceneNode(doc, type, name),
    currentPage: () => file.current,
    fonts: shared.fonts,
    colorProfile: () => root.documentColorProfile,
  };
  const root = strict(new FakeDocumentNode(doc, '0:0', 'Document'), 'DocumentNode');
  doc.nodes.set(root.id, root);
  const file: OpenFile = { doc, root, current: undefined as unknown as FakePage };
  file.current = addPage(file, 'Page 1', shared.onSelectionChange);
  file.current.loaded = true;
  return file;
}
