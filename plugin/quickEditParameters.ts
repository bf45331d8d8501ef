import { modelOf } from '../core/models.ts';
import { presetLabel } from '../core/sizes.ts';
import { getRecentPrompts, getSettings } from './storage.ts';

/**
 * Suggestions while the designer types the quick edit's parameters. Figma calls this
 * before `run`, with no UI, and the document may not be changed here.
 */
export async function suggestParameters({ key, query, result }: ParameterInputEvent): Promise<void> {
  const q = query.toLowerCase();
  if (key === 'size') {
    // The sizes of the model the designer last chose: the quick edit runs on it.
    const { sizes } = modelOf((await getSettings()).model);
    result.setSuggestions(sizes.filter((p) => presetLabel(p).toLowerCase().includes(q)).map((p) => ({ name: presetLabel(p), data: p.name })));
    return;
  }
  const recent = await getRecentPrompts();
  result.setSuggestions(recent.filter((p) => p.toLowerCase().includes(q)).slice(0, 8));
}
