import { compositeScale, planAreaCrop } from '../core/composite/areaPlan.ts';
import { relativeTo } from '../core/composite/transform.ts';
import { planReferenceExport } from '../core/exportSize.ts';
import { contentHash } from '../core/hash.ts';
import type { CompositeParts } from '../core/protocol/composite.ts';
import { PROVENANCE_KEY } from '../core/records/provenance.ts';
import { counterpart, frameAround, isMarker, renderRect, visibleTextLayers } from './area.ts';
import { PluginProblem } from './bridge.ts';
import { splitLiveText } from './liveText.ts';
import { findSceneNode } from './sceneNode.ts';
import { getUploadCache } from './storage.ts';
import { referenceProblem } from './selection.ts';

/** Marks the plugin's temporary nodes, so any left by a crash are swept at the next start. */
export const TEMPORARY_KEY = 'riverflowTemporary';

const toFrame = (r: Rect, origin: Rect): Rect => ({ x: r.x - origin.x, y: r.y - origin.y, width: r.width, height: r.height });

function temporary<T extends SceneNode>(node: T): T {
  node.name = 'Riverflow temporary copy (removed automatically)';
  node.setPluginData(TEMPORARY_KEY, '1');
  // A copy of a result would otherwise count as one in the history while it exists.
  if (node.getPluginData(PROVENANCE_KEY)) node.setPluginData(PROVENANCE_KEY, '');
  return node;
}

export interface CompositeRequest {
  readonly frameId: string;
  readonly markerId?: string;
  readonly keepTextSharp: boolean;
  readonly preset: { readonly width: number; readonly height: number };
  readonly skipCache: boolean;
}

/**
 * The reference and compositing parts for an area edit or for text kept sharp. Everything
 * hidden is hidden in a temporary copy, never in the source, and the copy (with the frame
 * that crops it) is removed before this returns, so it never lasts past the run's undo step.
 */
export async function prepareComposite(req: CompositeRequest): Promise<CompositeParts> {
  const frame = await findSceneNode(req.frameId);
  if (!frame) throw new PluginProblem('The frame was deleted. Select it again.');
  const problem = referenceProblem(frame);
  if (problem) throw new PluginProblem(`“${frame.name}” ${problem}, so it cannot be sent.`);
  const marker = req.markerId ? await findSceneNode(req.markerId) : undefined;
  if (req.markerId && (!marker || !isMarker(marker))) throw new PluginProblem('The marked area was deleted. Draw it again, or turn off “Edit only this area”.');
  const origin = renderRect(frame);
  const size = { width: origin.width, height: origin.height };
  const area = marker?.absoluteBoundingBox ? planAreaCrop(toFrame(marker.absoluteBoundingBox, origin), size) : undefined;
  if (area && (area.area.width < 1 || area.area.height < 1)) throw new PluginProblem(`“${marker!.name}” does not cover “${frame.name}”. Move it onto the frame.`);
  const crop = area?.crop ?? { x: 0, y: 0, ...size };
  const scale = compositeScale(crop, req.preset, size);
  const texts = req.keepTextSharp ? visibleTextLayers(frame) : [];
  const { drawn } = await splitLiveText(texts);

  const copy = temporary(frame.clone());
  let clip: FrameNode | undefined;
  try {
    // On the page itself: an auto-layout parent must not reflow around the copy (and move the source).
    figma.currentPage.appendChild(copy);
    for (const text of texts) {
      const twin = counterpart(frame, copy, text);
      if (twin) twin.visible = false;
    }
    const markerTwin = marker && frameAround(marker) === frame ? counterpart(frame, copy, marker) : undefined;
    if (markerTwin) markerTwin.visible = false;
    const plan = planReferenceExport(crop.width, crop.height, Math.max(req.preset.width, req.preset.height));
    let reference: Uint8Array;
    if (area) {
      // A clipping frame the size of the crop shows only the crop: Figma exports nothing smaller than a node.
      clip = temporary(figma.createFrame());
      clip.fills = [];
      clip.clipsContent = true;
      clip.resize(crop.width, crop.height);
      clip.appendChild(copy);
      const box = frame.absoluteBoundingBox ?? origin;
      copy.x = box.x - origin.x - crop.x;
      copy.y = box.y - origin.y - crop.y;
      reference = await clip.exportAsync({ format: 'PNG', constraint: plan.constraint });
    } else reference = await copy.exportAsync({ format: 'PNG', constraint: plan.constraint });
    const base = area ? await copy.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: scale } }) : undefined;
    const overlays = [];
    for (const text of drawn) {
      overlays.push({ bytes: await text.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: scale } }), box: toFrame(renderRect(text), origin) });
    }
    const mask =
      marker && area && 'fillGeometry' in marker
        ? {
            paths: marker.fillGeometry.map((p) => ({ data: p.data, windingRule: p.windingRule })),
            transform: relativeTo([[1, 0, origin.x], [0, 1, origin.y]], marker.absoluteTransform),
          }
        : undefined;
    const hash = contentHash(reference);
    // The same crop sent again (another round of variations) is not uploaded again.
    const cached = req.skipCache ? undefined : (await getUploadCache(Date.now())).get(hash);
    return {
      reference: cached ? { nodeId: frame.id, hash, mime: 'image/png', cachedUUID: cached } : { nodeId: frame.id, hash, mime: 'image/png', bytes: reference },
      frameName: frame.name,
      size,
      crop,
      scale,
      ...(area ? { area: area.area } : {}),
      ...(base ? { base } : {}),
      ...(mask ? { mask } : {}),
      overlays,
      drawnText: drawn.map((t) => t.name),
    };
  } catch (e) {
    if (e instanceof PluginProblem) throw e;
    throw new PluginProblem(`Figma could not export “${frame.name}”. Try a simpler frame or a smaller one.`);
  } finally {
    copy.remove();
    clip?.remove();
  }
}

/** Removes temporary copies a crash or a closed plugin left on the current page. */
export function sweepTemporaryNodes(): void {
  try {
    // A copy inside its clipping frame goes with the frame: never remove a node twice (Figma throws).
    for (const node of figma.currentPage.findAllWithCriteria({ pluginData: { keys: [TEMPORARY_KEY] } })) if (!node.removed) node.remove();
  } catch (e) {
    // Tidying must never keep the panel from opening.
    console.error('Riverflow: could not remove a temporary copy', e);
  }
}
