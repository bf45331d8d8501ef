/** Whether Figma lets this layer be copied: one that cannot be (wherever it lives) is drawn into the image instead. */
function copyable(text: TextNode): boolean {
  try {
    text.clone().remove();
    return true;
  } catch {
    return false;
  }
}

/**
 * The text layers that can stay live text on a result (their fonts load here and Figma lets
 * them be copied), and those that are drawn into the image instead. The same rule runs when the
 * reference is made and when the result is placed, so the two always agree.
 */
export async function splitLiveText(texts: readonly TextNode[]): Promise<{ live: TextNode[]; drawn: TextNode[] }> {
  const cache = new Map<string, Promise<boolean>>();
  const load = (font: FontName) => {
    const key = `${font.family}\u0000${font.style}`;
    if (!cache.has(key))
      cache.set(
        key,
        figma.loadFontAsync(font).then(
          () => true,
          () => false,
        ),
      );
    return cache.get(key)!;
  };
  const live: TextNode[] = [];
  const drawn: TextNode[] = [];
  for (const text of texts) {
    // getRangeAllFontNames throws on an empty range: an empty layer has its one fontName.
    const fonts = text.characters.length > 0 ? text.getRangeAllFontNames(0, text.characters.length) : [text.fontName as FontName];
    const ok = !text.hasMissingFont && (await Promise.all(fonts.map(load))).every(Boolean) && copyable(text);
    (ok ? live : drawn).push(text);
  }
  return { live, drawn };
}
