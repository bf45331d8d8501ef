import type { AreaSelection } from '../../core/protocol/composite.ts';
import { plural } from '../../core/format.ts';
import { presetLabel, type SizePreset } from '../../core/sizes.ts';
import { CheckRow } from './CheckRow.tsx';

interface Props {
  readonly area: AreaSelection | undefined;
  readonly areaOnly: boolean;
  readonly onAreaOnly: (on: boolean) => void;
  /** The preset matched to the crop around the area, while "Edit only this area" is on. */
  readonly areaPreset: SizePreset | undefined;
  /** Visible text layers on the base frame (0 hides the option). */
  readonly textLayers: number;
  readonly keepTextSharp: boolean;
  readonly onKeepTextSharp: (on: boolean) => void;
}

/** "Edit only this area" and "Keep text layers sharp": what the model may change, and what stays exact. */
export function CompositeOptions({ area, areaOnly, onAreaOnly, areaPreset, textLayers, keepTextSharp, onKeepTextSharp }: Props) {
  if (!area && !textLayers) return null;
  return (
    <div class="field">
      {area ? (
        <>
          <p class="hint" id="area-line">
            Area ‘{area.markerName}’ on ‘{area.frameName}’
          </p>
          <CheckRow checked={areaOnly} onChange={onAreaOnly} describedBy="area-line">
            Edit only this area
          </CheckRow>
          {areaOnly && areaPreset ? (
            <p class="hint">Size: {presetLabel(areaPreset)}, matched to the area and its surroundings. Outside it, the frame stays as it is.</p>
          ) : null}
        </>
      ) : null}
      {textLayers ? (
        <>
          <CheckRow checked={keepTextSharp} onChange={onKeepTextSharp} describedBy="text-line">
            Keep text layers sharp
          </CheckRow>
          <p class="hint" id="text-line">
            {keepTextSharp
              ? `${plural(textLayers, 'text layer')} ${textLayers === 1 ? 'stays' : 'stay'} live text on top of the result; the model repaints what is behind ${textLayers === 1 ? 'it' : 'them'}.`
              : area && areaOnly
                ? 'Text inside the area will be redrawn by the model.'
                : `${plural(textLayers, 'text layer')} will be redrawn by the model.`}
          </p>
        </>
      ) : null}
    </div>
  );
}
