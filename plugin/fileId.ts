/**
 * An identity for the open file, kept in the document's own plugin data. clientStorage is
 * per user, not per file, and node ids repeat across files: a pending run must be placed
 * only in the file it came from.
 */
const FILE_ID_KEY = 'fileId';
let cached: string | undefined;

function randomId(): string {
  // The main thread has no crypto: Math.random is enough to tell a user's files apart.
  return Array.from({ length: 4 }, () => Math.floor(Math.random() * 0x100000000).toString(36)).join('');
}

export function fileId(): string {
  if (cached) return cached;
  let id = figma.root.getPluginData(FILE_ID_KEY);
  if (!id) {
    id = randomId();
    figma.root.setPluginData(FILE_ID_KEY, id);
    // Its own undo step, never the designer's next one: ⌘Z on a result must not take the file's
    // identity with it (its pending runs would then look foreign and never be placed).
    figma.commitUndo();
  }
  cached = id;
  return id;
}
