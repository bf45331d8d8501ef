import type { Session } from '../test/e2e/harness.ts';
import { median } from './print.ts';

/**
 * The least that placing `count` results can cost on this machine, measured in the same page
 * as the figure it divides: decode each of the run's own images, `figma.createImage`, a
 * rectangle filled with it appended to the page, and one undo step per image. A figure given
 * as a ratio to it means the same on a fast machine and on one two or three times slower.
 */
export async function placementBaseline(s: Session, count: number, runs = 7): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(
      await s.page.evaluate(async (n) => {
        const host = window.playground.host;
        // The images the last run placed: the same bytes the plugin decoded and placed.
        const images = [...host.images.values()].slice(-n);
        const start = performance.now();
        const made = [];
        for (const bytes of images) {
          const bitmap = await createImageBitmap(new Blob([bytes as BlobPart]));
          bitmap.close();
          const rect = host.figma.createRectangle();
          rect.resize(256, 192);
          rect.fills = [{ type: 'IMAGE', imageHash: host.figma.createImage(bytes).hash, scaleMode: 'FILL' }];
          host.figma.currentPage.appendChild(rect);
          host.figma.commitUndo();
          made.push(rect);
        }
        const ms = performance.now() - start;
        made.forEach((r) => r.remove());
        return ms;
      }, count),
    );
  }
  return median(samples);
}

/** "overhead 84 ms = 4.2× the minimum (20 ms)": the figure, its ratio, and the ratio's goal. */
export function asRatio(overheadMs: number, baselineMs: number, goalRatio: number): string {
  const ratio = overheadMs / baselineMs;
  return `${ratio.toFixed(1)}× the minimum (${baselineMs.toFixed(0)} ms) · goal ≤ ${goalRatio}× · ${ratio <= goalRatio ? 'within' : 'OVER'}`;
}
