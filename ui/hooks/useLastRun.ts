import { useEffect, useState } from 'preact/hooks';
import { plural } from '../../core/format.ts';
import type { SelectedNode } from '../../core/protocol/shared.ts';
import { notify, request } from '../bridge.ts';
import type { LastRun, RunResult } from '../run/panelState.ts';
import type { RunOutcome } from '../run/runFailed.ts';
import { errorText } from '../../core/errorText.ts';

const PREVIEW_WIDTH = 640;

const toUrl = (bytes: Uint8Array) => URL.createObjectURL(new Blob([bytes as BlobPart]));

/**
 * The last run's results, shown to compare and keep one: built from the images the panel
 * already decoded (nothing is exported again), with a preview of the source for before/after.
 */
export function useLastRun(onChanged: () => void) {
  const [run, setRun] = useState<LastRun | null>(null);
  const [sourcePreview, setSourcePreview] = useState<string | undefined>(undefined);

  const sourceNodeId = run?.sourceNodeId;
  useEffect(() => {
    if (!sourceNodeId) return;
    let url: string | undefined;
    request({ type: 'export-preview', nodeId: sourceNodeId, width: PREVIEW_WIDTH }).then(
      ({ bytes }) => setSourcePreview((url = toUrl(bytes))),
      () => setSourcePreview(undefined),
    );
    return () => {
      if (url) URL.revokeObjectURL(url);
      setSourcePreview(undefined);
    };
  }, [sourceNodeId]);

  function clear() {
    run?.results.forEach((r) => URL.revokeObjectURL(r.url));
    setRun(null);
  }

  function record(outcome: RunOutcome, source: SelectedNode) {
    clear();
    if (!outcome.results.length) return;
    const sorted = [...outcome.results].sort((a, b) => a.variation - b.variation);
    const results = sorted.map((r) => ({
      nodeId: r.nodeId,
      label: `Variation ${r.variation}`,
      url: r.bytes ? toUrl(r.bytes) : '',
      ...(r.restored ? { restored: r.restored } : {}),
    }));
    setRun({ runId: outcome.runId, sourceNodeId: source.id, sourceName: source.name, results, ...(outcome.area ? { area: outcome.area } : {}) });
    // With text kept sharp the image lacks the live text on top, and a 4K image is not kept: show what the canvas shows.
    const fromCanvas = (_r: RunResult, i: number) => outcome.liveText || !sorted[i]!.bytes;
    if (results.some(fromCanvas))
      void Promise.all(results.map((r, i) => (fromCanvas(r, i) ? withCanvasPicture(r) : r))).then((shown) =>
        setRun((now) => (now?.runId === outcome.runId ? { ...now, results: shown } : now)),
      );
  }

  async function withCanvasPicture(result: RunResult): Promise<RunResult> {
    try {
      const { bytes } = await request({ type: 'export-preview', nodeId: result.nodeId, width: PREVIEW_WIDTH });
      if (result.url) URL.revokeObjectURL(result.url);
      return { ...result, url: toUrl(bytes) };
    } catch {
      return result;
    }
  }

  async function keep(result: RunResult) {
    if (!run) return;
    try {
      const { removed } = await request({ type: 'keep-result', runId: run.runId, nodeId: result.nodeId });
      run.results.filter((r) => r !== result).forEach((r) => URL.revokeObjectURL(r.url));
      setRun({ ...run, results: [result] });
      notify(`Kept ${result.label}${removed ? `; removed ${plural(removed, 'other variation')}` : ''}.`);
      onChanged();
    } catch (e) {
      notify(errorText(e), true);
    }
  }

  /** Makes a result the base of the next run: Figma's selection follows, and the prompt takes focus. */
  async function editThis(result: RunResult) {
    try {
      await request({ type: 'select-nodes', nodeIds: [result.nodeId] });
      document.getElementById('prompt')?.focus();
    } catch (e) {
      notify(errorText(e), true);
    }
  }

  return { run, sourcePreview, record, clear, keep, editThis };
}
