import { presetLabel, SIZE_PRESETS } from '../core/sizes.ts';
import { getRecentPrompts } from './storage.ts';

/**
 * Suggestions while the designer types the quick edit's parameters. Figma calls this
 * before `run`, with no UI, and the document may not be changed here.
 */
export async function suggestParameters({ key, query, result }: ParameterInputEvent): Promise<void> {
  const q = query.toLowerCase();
  if (key === 'size') {
    result.setSuggestions(SIZE_PRESETS.filter((p) => presetLabel(p).toLowerCase().includes(q)).map((p) => ({ name: presetLabel(p), data: p.name })));
    return;
  }
  const recent = await getRecentPrompts();
  result.setSuggestions(recent.filter((p) => p.toLowerCase().includes(q)).slice(0, 8));
}
