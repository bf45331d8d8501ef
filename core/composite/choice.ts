import type { AreaSelection } from '../protocol/composite.ts';
import type { SelectedNode } from '../protocol/shared.ts';
import type { Settings } from '../records/settings.ts';
import { DEFAULT_FEATHER_PERCENT, planAreaCrop } from './areaPlan.ts';
import { modelOf } from '../models.ts';

/** How a run composites its results (sent with the edit), absent for a plain edit. */
export interface CompositeChoice {
  readonly markerId?: string;
  readonly markerName?: string;
  readonly keepTextSharp: boolean;
  readonly featherPercent: number;
}

/**
 * What the panel and the quick edit decide the same way: an area edit when a marked area is
 * on the base frame and "Edit only this area" is on (its size then follows the crop), text
 * kept sharp when the designer asked and the base has visible text. A batch does neither.
 */
export function chooseComposite(input: {
  base: SelectedNode | undefined;
  area: AreaSelection | undefined;
  areaOnly: boolean;
  batch: boolean;
  settings: Settings;
}) {
  const { base, settings } = input;
  const area = !input.batch && base && input.area?.frameId === base.id ? input.area : undefined;
  const areaPlan = area && input.areaOnly && base ? planAreaCrop(area.box, base, modelOf(settings.model).sizes, settings.tier) : undefined;
  const textLayers = input.batch ? 0 : (base?.textLayers ?? 0);
  const keepTextSharp = textLayers > 0 && settings.keepTextSharp === true;
  // Protected layers are given back in every result, so each one is composited over the frame.
  const protect = (base?.protected?.length ?? 0) > 0;
  const composite: CompositeChoice | undefined =
    areaPlan || keepTextSharp || protect
      ? {
          ...(areaPlan && area ? { markerId: area.markerId, markerName: area.markerName } : {}),
          keepTextSharp,
          featherPercent: settings.featherPercent ?? DEFAULT_FEATHER_PERCENT,
        }
      : undefined;
  // A marker is an annotation: when its frame is sent whole, it is left out all the same.
  const hide = area && !areaPlan ? [area.markerId] : undefined;
  return { area, areaPlan, textLayers, keepTextSharp, composite, hide };
}

/** A frame of a batch (or any run without an area or kept text) with protected layers: composited so they come back exactly. */
export function protectChoice(node: SelectedNode, settings: Settings): CompositeChoice | undefined {
  return node.protected?.length ? { keepTextSharp: false, featherPercent: settings.featherPercent ?? DEFAULT_FEATHER_PERCENT } : undefined;
}
