import { protectChoice } from '../../core/composite/choice.ts';
import { matchSize, modelOf } from '../../core/models.ts';
import type { SelectedNode } from '../../core/protocol/shared.ts';
import type { EditRequest } from './runEdit.ts';

/** "Edit each frame": the same prompt and options for each frame, with the pinned references after it. */
export interface BatchInput extends Omit<EditRequest, 'nodes' | 'preset'> {
  readonly extra: readonly SelectedNode[];
}

/** One frame's edit in a batch: its own matched size, the pins after it within the model's limit, its protected layers given back. */
export function frameEdit(input: BatchInput, node: SelectedNode): EditRequest {
  const model = modelOf(input.settings.model);
  const nodes = [node, ...input.extra.filter((x) => x.id !== node.id)].slice(0, model.limits.maxReferences);
  const composite = protectChoice(node, input.settings);
  return {
    prompt: input.prompt,
    settings: input.settings,
    preset: matchSize(model, node.width, node.height, input.settings.tier),
    nodes,
    ...(composite ? { composite } : {}),
  };
}
