import { formatSize } from '../../core/format.ts';
import { FIGMA_MAX_IMAGE_SIDE } from '../../core/imageInfo.ts';
import type { SelectedNode } from '../../core/protocol/shared.ts';
import { UPSCALE_FACTORS } from '../../core/runware/tasks.ts';

/**
 * "Upscale for print" on a selected result: each factor whose image stays within Figma's
 * 4096 px, the price Runware shows before, the actual cost after the run.
 */
export function UpscaleField({ node, disabled, onUpscale }: { readonly node: SelectedNode; readonly disabled: boolean; readonly onUpscale: (factor: number) => void }) {
  const result = node.result;
  if (!result) return null;
  const factors = UPSCALE_FACTORS.filter((f) => Math.max(result.width, result.height) * f <= FIGMA_MAX_IMAGE_SIDE);
  return (
    <section class="field" aria-labelledby="upscale-title">
      <h2 class="label" id="upscale-title">
        Upscale for print
      </h2>
      {factors.length ? (
        <div class="row">
          {factors.map((f) => (
            <button type="button" class="btn secondary" key={f} disabled={disabled} onClick={() => onUpscale(f)} title={`${formatSize(result.width * f, result.height * f)} px`}>
              Upscale ×{f}
            </button>
          ))}
        </div>
      ) : (
        <p class="hint">At {formatSize(result.width, result.height)} px, any upscale would pass Figma’s 4096 px limit.</p>
      )}
      <p class="hint">
        Runware’s Clarity upscaler on this result’s own image (nothing is uploaded). Estimate: about $0.004 per upscale (Runware’s published example); the exact cost is shown after.
      </p>
    </section>
  );
}
