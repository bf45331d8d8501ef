/** Text layers split by whether their fonts can be loaded here: those that cannot are drawn into the image instead. */
export async function splitByFont(texts: readonly TextNode[]): Promise<{ loadable: TextNode[]; missing: TextNode[] }> {
  const cache = new Map<string, Promise<boolean>>();
  const load = (font: FontName) => {
    const key = `${font.family}\u0000${font.style}`;
    if (!cache.has(key)) cache.set(key, figma.loadFontAsync(font).then(() => true, () => false));
    return cache.get(key)!;
  };
  const loadable: TextNode[] = [];
  const missing: TextNode[] = [];
  for (const text of texts) {
    // getRangeAllFontNames throws on an empty range: an empty layer has its one fontName.
    const fonts = text.characters.length > 0 ? text.getRangeAllFontNames(0, text.characters.length) : [text.fontName as FontName];
    const ok = !text.hasMissingFont && (await Promise.all(fonts.map(load))).every(Boolean);
    (ok ? loadable : missing).push(text);
  }
  return { loadable, missing };
}
