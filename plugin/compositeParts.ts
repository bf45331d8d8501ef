import { compositeScale, cropForSize } from '../core/composite/areaPlan.ts';
import { relativeTo } from '../core/composite/transform.ts';
import { planReferenceExport } from '../core/exportSize.ts';
import type { CompositeParts, Outline } from '../core/protocol/composite.ts';
import { clipBox, isMarker, visibleTextLayers } from './area.ts';
import { renderRect, SHAPE_TYPES } from './nodeBounds.ts';
import { protectedLayers } from './protect.ts';
import { PluginProblem } from './bridge.ts';
import { srgbExport } from './srgbExport.ts';
import { splitLiveText } from './liveText.ts';
import { findSceneNode } from './sceneNode.ts';
import { cachedReference } from './cachedReference.ts';
import { discard, isInside, temporary, withTemporaryCopy } from './temporaryCopy.ts';
import { referenceProblem } from './selection.ts';

const toFrame = (r: Rect, origin: Rect): Rect => ({ x: r.x - origin.x, y: r.y - origin.y, width: r.width, height: r.height });

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
  const area = marker?.absoluteBoundingBox ? cropForSize(toFrame(marker.absoluteBoundingBox, origin), size, req.preset) : undefined;
  if (area && (area.area.width < 1 || area.area.height < 1))
    throw new PluginProblem(`“${marker!.name}” does not cover “${frame.name}”. Move it onto the frame.`);
  const crop = area?.crop ?? { x: 0, y: 0, ...size };
  const scale = compositeScale(crop, req.preset, size);
  const texts = req.keepTextSharp ? visibleTextLayers(frame) : [];
  const { drawn } = await splitLiveText(texts);

  // The marker is hidden only where it is one of the frame's layers; drawn text comes back as overlays.
  const hide = [...texts, ...(marker && isInside(marker, frame) ? [marker] : [])];
  const protect = protectedLayers(frame).map((layer) => ({ name: layer.name, box: toFrame(renderRect(layer), origin), outline: outlineOf(layer, origin) }));
  // Nothing to hide and no crop (a protected frame alone): the frame itself is only read, so no copy is made.
  const using =
    hide.length || area
      ? <T>(use: (shown: SceneNode) => Promise<T>) => withTemporaryCopy(frame, hide, use)
      : <T>(use: (shown: SceneNode) => Promise<T>) => use(frame);
  try {
    // `shown`: what is exported, the frame itself or its temporary copy.
    return await using(async (shown) => {
      // The whole frame first (the pixels outside the area), then the crop, through a frame that clips it.
      // Protected layers take their pixels from it as well, wherever the area is.
      const base = area || protect.length ? await shown.exportAsync(srgbExport('PNG', { type: 'SCALE', value: scale })) : undefined;
      const plan = planReferenceExport(crop.width, crop.height, Math.max(req.preset.width, req.preset.height));
      const reference = area ? await exportCrop(shown, frame, origin, crop, plan.constraint) : await shown.exportAsync(srgbExport('PNG', plan.constraint));
      const overlays = [];
      for (const text of drawn) {
        // Drawn as the source shows it: cut where a frame around it clips.
        const clip = clipBox(text, frame);
        const bytes = await text.exportAsync(srgbExport('PNG', { type: 'SCALE', value: scale }));
        overlays.push({ bytes, box: toFrame(renderRect(text), origin), ...(clip ? { clip: toFrame(clip, origin) } : {}) });
      }
      const mask = marker && area ? outlineOf(marker, origin) : undefined;
      return {
        // The same crop sent again (another round of variations) is not uploaded again.
        reference: await cachedReference(frame.id, reference, 'image/png', req.skipCache),
        frameName: frame.name,
        size,
        crop,
        scale,
        ...(area ? { area: area.area } : {}),
        ...(base ? { base } : {}),
        ...(mask ? { mask } : {}),
        ...(protect.length ? { protect } : {}),
        overlays,
        drawnText: drawn.map((t) => t.name),
      };
    });
  } catch (e) {
    if (e instanceof PluginProblem) throw e;
    throw new PluginProblem(`Figma could not export “${frame.name}”. Try a simpler frame or a smaller one.`);
  }
}

/**
 * A layer's outline in the frame's space: a shape's own paths (an ellipse is its ellipse, not its
 * box); text and containers by the box they render in (a text in a missing font has no usable paths).
 */
function outlineOf(layer: SceneNode, origin: Rect): Outline {
  if (SHAPE_TYPES.has(layer.type) && 'fillGeometry' in layer && layer.fillGeometry.length > 0) {
    return {
      paths: layer.fillGeometry.map((p) => ({ data: p.data, windingRule: p.windingRule })),
      transform: relativeTo(
        [
          [1, 0, origin.x],
          [0, 1, origin.y],
        ],
        layer.absoluteTransform,
      ),
    };
  }
  const box = toFrame(renderRect(layer), origin);
  return {
    paths: [
      {
        data: `M ${box.x} ${box.y} L ${box.x + box.width} ${box.y} L ${box.x + box.width} ${box.y + box.height} L ${box.x} ${box.y + box.height} Z`,
        windingRule: 'NONZERO',
      },
    ],
    transform: [
      [1, 0, 0],
      [0, 1, 0],
    ],
  };
}

/**
 * Exports only the crop of a (temporary) copy: Figma exports nothing smaller than a node, so the
 * copy goes into a frame the crop's size that clips it; that frame (and the copy in it) is removed after.
 */
async function exportCrop(copy: SceneNode, frame: SceneNode, origin: Rect, crop: Rect, constraint: ExportSettingsConstraints): Promise<Uint8Array> {
  const clip = temporary(figma.createFrame());
  try {
    clip.fills = [];
    clip.clipsContent = true;
    clip.resize(crop.width, crop.height);
    clip.appendChild(copy);
    const box = frame.absoluteBoundingBox ?? origin;
    copy.x = box.x - origin.x - crop.x;
    copy.y = box.y - origin.y - crop.y;
    return await clip.exportAsync(srgbExport('PNG', constraint));
  } finally {
    discard(clip);
  }
}
