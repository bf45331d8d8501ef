import { DEFAULT_FEATHER_PERCENT } from '../../core/composite/areaPlan.ts';
import { matchSize, type RiverflowModel } from '../../core/models.ts';
import type { ReplyValue } from '../../core/protocol/requests.ts';
import type { Settings } from '../../core/records/settings.ts';
import type { Tier } from '../../core/sizes.ts';
import type { EditRequest } from './runEdit.ts';

/**
 * "Finish with…": the draft's own run again (its prompt, its references in order, its ratio) on
 * the final model at the chosen tier, one image, linked to the draft and placed beside it.
 * A reason in words instead when it cannot be finished.
 */
export type FinishInput = { readonly ok: true; readonly input: EditRequest } | { readonly ok: false; readonly reason: string };

export function finishInput(
  draftId: string,
  plan: ReplyValue<'finish-plan'>,
  final: { readonly model: RiverflowModel; readonly tier: Tier },
  settings: Settings,
): FinishInput {
  if (plan.area)
    return { ok: false, reason: 'Finish with… re-runs whole frames, and this result is an area edit: mark the area again with the final model chosen.' };
  if (!plan.sources.length) return { ok: false, reason: 'The frames this result was made from are gone, so it cannot be made again on another model.' };
  const { model, tier } = final;
  const input: EditRequest = {
    prompt: plan.prompt,
    preset: matchSize(model, plan.width, plan.height, tier),
    nodes: plan.sources.slice(0, model.limits.maxReferences),
    settings: { ...settings, model: model.id, tier, numberResults: 1 },
    finishes: draftId,
    // Text kept live on the draft stays live on the final, and the frame's protected layers come back
    // exactly, at the final's full size (past 4096 px as tiles, see compositeScale).
    ...(plan.keepTextSharp || plan.sources[0]?.protected?.length
      ? { composite: { keepTextSharp: plan.keepTextSharp, featherPercent: settings.featherPercent ?? DEFAULT_FEATHER_PERCENT } }
      : {}),
  };
  return { ok: true, input };
}
