import { formatSize, formatUsd } from '../../core/format.ts';
import { UPSCALE_ESTIMATE_USD } from '../../core/spend.ts';
import { FIGMA_MAX_IMAGE_SIDE } from '../../core/imageInfo.ts';
import type { SelectedNode } from '../../core/protocol/shared.ts';
import { upscaleFactors, upscaleInput } from '../../core/upscalePlan.ts';

/**
 * "Upscale for print" on a selected result: each factor whose image stays within Figma's
 * 4096 px, the price Runware shows before, the actual cost after the run.
 */
export function UpscaleField({
  node,
  refused,
  disabled,
  onUpscale,
}: {
  readonly node: SelectedNode;
  readonly refused: readonly number[];
  readonly disabled: boolean;
  readonly onUpscale: (factor: number) => void;
}) {
  const result = node.result;
  if (!result) return null;
  const factors = upscaleFactors(result, refused);
  const input = upscaleInput(result);
  // A 4K result (Riverflow 2.0 Pro's largest) is print size already, and past what Clarity's results may be in Figma.
  const alreadyFourK = Math.max(result.width, result.height) >= FIGMA_MAX_IMAGE_SIDE;
  return (
    <section class="field" aria-labelledby="upscale-title">
      <h2 class="label" id="upscale-title">
        Upscale for print
      </h2>
      {alreadyFourK ? (
        <p class="hint">This result is already 4K ({formatSize(result.width, result.height)} px), placed with every pixel: it needs no upscale for print.</p>
      ) : factors.length ? (
        <div class="row">
          {factors.map((f) => (
            <button
              type="button"
              class="btn secondary"
              key={f}
              disabled={disabled}
              onClick={() => onUpscale(f)}
              title={`${formatSize(input.width * f, input.height * f)} px`}
            >
              Upscale ×{f}
            </button>
          ))}
        </div>
      ) : (
        <p class="hint">
          At {formatSize(input.width, input.height)} px, any upscale would pass Figma’s 4096 px limit: for a larger final, use Finish with… on Riverflow 2.0 Pro
          at 4K.
        </p>
      )}
      {refused.length > 0 && !alreadyFourK && <p class="hint">Runware refused ×{Math.min(...refused)} for Clarity; only the factors it takes are offered.</p>}
      <p class="hint" hidden={alreadyFourK}>
        {result.imageUUID
          ? 'Runware’s Clarity upscaler on this result’s own image (nothing is uploaded).'
          : `Runware’s Clarity upscaler on this result’s image, uploaded once first (Runware keeps uploads at ≤ 2048 px, so it starts from ${formatSize(input.width, input.height)} px).`}
        {result.liveText ? ' Its text layers stay live text on the upscaled frame.' : ''} Estimate: about {formatUsd(UPSCALE_ESTIMATE_USD)} per upscale
        (Runware’s published example); the exact cost is shown after.
      </p>
    </section>
  );
}
