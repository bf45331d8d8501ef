import type { SelectedNode } from '../../core/protocol/shared.ts';
import type { Settings } from '../../core/records/settings.ts';
import { UPSCALE_ESTIMATE_USD, type SpendQuote } from '../../core/spend.ts';
import type { RiverflowModel } from '../../core/models.ts';
import type { Tier } from '../../core/sizes.ts';
import { FinishField } from './FinishField.tsx';
import { UpscaleField } from './UpscaleField.tsx';

interface Props {
  /** The one selected node, a placed result. */
  readonly node: SelectedNode;
  readonly settings: Settings;
  readonly onSettings: (settings: Settings) => void;
  readonly disabled: boolean;
  /** The spend check every paid action passes (see useSpendGate). */
  readonly gate: (what: string, quote: SpendQuote, go: () => void) => void;
  readonly upscale: (factor: number, onRefused: () => void) => void;
  readonly finish: (final: { model: RiverflowModel; tier: Tier }) => void;
}

const UPSCALE_QUOTE: SpendQuote = { usd: UPSCALE_ESTIMATE_USD, exact: true, detail: 'One Clarity upscale at Runware’s published example price' };

/** What can be done with a selected result: upscale it for print, or finish it on a final model; each asks first above the threshold. */
export function ResultActions({ node, settings, onSettings, disabled, gate, upscale, finish }: Props) {
  const refused = settings.refusedUpscaleFactors ?? [];
  return (
    <>
      <UpscaleField
        node={node}
        refused={refused}
        disabled={disabled}
        onUpscale={(f) => gate(`Upscale ×${f}`, UPSCALE_QUOTE, () => upscale(f, () => onSettings({ ...settings, refusedUpscaleFactors: [...refused, f] })))}
      />
      {node.result && !node.result.upscaled ? (
        <FinishField
          node={node}
          disabled={disabled}
          thinking={settings.thinking}
          onFinish={(final, quote) => gate(`Finish with ${final.model.name} at ${final.tier}`, quote, () => finish(final))}
        />
      ) : null}
    </>
  );
}
