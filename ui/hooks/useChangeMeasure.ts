import { useEffect, useState } from 'preact/hooks';
import { changedShare, deltaMap, heatMap, labPixels } from '../../core/changeMeasure.ts';
import type { LastRun } from '../run/panelState.ts';

/** How much one result changed where nothing was asked to change, and its heat map for the compare view. */
export interface ChangeMeasure {
  /** Share of the counted pixels (0–1) with ΔE2000 ≥ 5. */
  readonly change: number;
  /** The heat map as an image URL, the compare view's size. */
  readonly heat: string;
}

/** Measured on a small copy of both: enough for a share of the frame, a few milliseconds a result. */
const MEASURE_WIDTH = 240;

/** An image URL decoded through an <img>: the panel's CSP lets images load from blob: URLs, not fetch them. */
async function imageOf(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  await img.decode();
  return img;
}

function pixelsOf(image: HTMLImageElement, width: number, height: number): Uint8ClampedArray {
  const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(image, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height).data;
}

/**
 * The heat map as a data URL, encoded at once on a page canvas: an OffscreenCanvas's convertToBlob
 * waited some 150–200 ms for its turn in Chromium, for an image of 240 px.
 */
function heatUrl(map: Float32Array, width: number, height: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.putImageData(new ImageData(heatMap(map) as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
  return canvas.toDataURL('image/png');
}

/**
 * The last run's results measured against the source's preview, one at a time and yielding between
 * them, so the panel stays responsive: the whole frame for an edit, outside the area for an area edit.
 */
export function useChangeMeasure(run: LastRun | null, source: string | undefined): ReadonlyMap<string, ChangeMeasure> {
  const [measures, setMeasures] = useState<ReadonlyMap<string, ChangeMeasure>>(new Map());
  const key = run ? `${run.runId}:${run.results.map((r) => r.url).join(',')}` : '';
  useEffect(() => {
    setMeasures(new Map());
    if (!run || !source) return;
    let live = true;
    void (async () => {
      performance.mark('riverflow-measuring');
      const sourceImage = await imageOf(source);
      const width = MEASURE_WIDTH;
      const height = Math.max(1, Math.round((sourceImage.naturalHeight / sourceImage.naturalWidth) * width));
      // The source decoded and in CIELAB once, for every result of the run.
      const before = labPixels(pixelsOf(sourceImage, width, height));
      const area = run.area;
      const exclude = area
        ? {
            x: Math.floor((area.box.x / area.frame.width) * width),
            y: Math.floor((area.box.y / area.frame.height) * height),
            width: Math.ceil((area.box.width / area.frame.width) * width),
            height: Math.ceil((area.box.height / area.frame.height) * height),
          }
        : undefined;
      for (const result of run.results) {
        if (!live) return;
        if (!result.url) continue;
        const map = deltaMap(pixelsOf(await imageOf(result.url), width, height), before);
        const measure = { change: changedShare(map, width, exclude ? { exclude } : {}), heat: heatUrl(map, width, height) };
        if (live) setMeasures((m) => new Map([...m, [result.nodeId, measure]]));
        await new Promise((r) => setTimeout(r, 0));
      }
      // The bench reads how long measuring a run took from these two marks.
      if (live) performance.mark('riverflow-measured');
    })().catch(() => undefined);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the run's results and the source
  }, [key, source]);
  return measures;
}
