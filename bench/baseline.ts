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

/**
 * The least that opening the panel can cost in the same page: a sandboxed iframe loading the
 * same ui.html bytes with its script parsed but not run (wrapped in an uncalled function), up to
 * its first paint. open→interactive over this is the panel's own start-up work. With `roundTrip`,
 * the inert page first asks the parent page and waits for its answer, as every panel must before
 * it can show stored state (the key and settings live where only the main thread reads them).
 */
export async function openBaseline(s: Session, runs = 7, roundTrip = false): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(
      await s.page.evaluate(async (roundTrip) => {
        const html = await (await fetch('/plugin/ui.html')).text();
        // The bundle is the last script (a one-line mark comes first, in the head).
        const at = html.lastIndexOf('<script>') + '<script>'.length;
        const show = `document.body.append(Object.assign(document.createElement('button'), { textContent: 'Generate' }));
requestAnimationFrame(() => parent.postMessage({ baseline: performance.now() }, '*'));`;
        const start = roundTrip ? `addEventListener('message', () => { ${show} }, { once: true }); parent.postMessage({ ready: true }, '*');` : show;
        const inert = `${html.slice(0, at)}function unused(){${html.slice(at, html.lastIndexOf('</script>'))}}
${start}</script></body></html>`;
        const frame = document.createElement('iframe');
        frame.setAttribute('sandbox', 'allow-scripts');
        // On screen, as the panel is: Chrome throttles the frames of an iframe it cannot see.
        Object.assign(frame.style, { position: 'fixed', left: '0', top: '0', width: '340px', height: '640px', border: '0' });
        // No named inner functions: the bench's TypeScript runner would wrap them in a helper the page lacks.
        const done = new Promise<number>((resolve) =>
          window.addEventListener('message', (e: MessageEvent) => {
            if (e.data?.ready === true && e.source === frame.contentWindow) frame.contentWindow?.postMessage({ init: true }, '*');
            if (typeof e.data?.baseline === 'number') resolve(e.data.baseline);
          }),
        );
        frame.srcdoc = inert;
        document.body.append(frame);
        const ms = await done;
        frame.remove();
        return ms;
      }, roundTrip),
    );
  }
  return median(samples);
}

/** Before a timed run: the frame selected, its variations set, the emulator's and the host's records cleared. */
export async function readyRun(s: Session, emulator: { reset(): void }, frame: string, variations: number, size?: string): Promise<void> {
  await s.page.evaluate((n) => window.playground.selectByName([n]), frame);
  await s.ui.getByText(frame, { exact: true }).first().waitFor();
  if (size) await s.ui.getByLabel('Size').selectOption(size);
  await s.ui.getByLabel('Variations').fill(String(variations));
  emulator.reset();
  await s.evaluate((host) => {
    host.messageLog.length = 0;
    host.undoSteps.at.length = 0;
  });
}

/** Protects or unprotects one of a frame's layers as a designer does: the layer clicked on the canvas, then the panel's button. */
export async function toggleProtect(s: Session, layer: string, on: boolean, frame = 'Snack pack'): Promise<void> {
  await s.page.getByRole('button', { name: `${layer} on ${frame}` }).click();
  await s.ui.getByRole('button', { name: `${on ? 'Protect' : 'Unprotect'} “${layer}”` }).click();
  await s.ui.getByRole('button', { name: `${on ? 'Unprotect' : 'Protect'} “${layer}”` }).waitFor();
}
