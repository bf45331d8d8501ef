import { centredAt, placeResults, placementGap, type GrowingSection } from '../core/placement.ts';
import { overlaps, type Rect } from '../core/rect.ts';
import type { PendingRun } from '../core/records/pendingRun.ts';
import { boxIn, pointIn, resultHome, type ResultContainer } from './resultHome.ts';
import { findSceneNode, loadedPage, pageOf } from './sceneNode.ts';
import { getPendingRuns } from './storage.ts';

export interface Slots {
  readonly page: PageNode;
  readonly container: ResultContainer;
  readonly slots: Rect[];
  readonly sourceName: string;
}

/**
 * The sections that grow when results go into `container`, innermost first, each with the
 * neighbours it must not grow over (those it did not cover before), in `container`'s coordinates.
 */
export function growingSections(container: ResultContainer): GrowingSection[] {
  const levels: GrowingSection[] = [];
  for (let s: BaseNode | null = container; s && s.type === 'SECTION'; s = s.parent) {
    const section = s as SectionNode;
    const box = boxIn(container, section);
    const parent = section.parent as ChildrenMixin | null;
    if (!box || !parent) break;
    const keepClear = parent.children
      .filter((n) => n !== section)
      .map((n) => boxIn(container, n))
      .filter((b): b is Rect => b !== null && !overlaps(b, box));
    levels.push({ box, keepClear });
  }
  return levels;
}

/** The slots other open runs reserved in this container: their later results must not be covered either. */
async function reservedSlots(runId: string, container: ResultContainer): Promise<Rect[]> {
  return (await getPendingRuns()).filter((r) => r.runId !== runId && r.slotsIn === container.id).flatMap((r) => r.slots ?? []);
}

/**
 * Where the run's results go, in their container's coordinates: beside the source in its
 * section or on its page (see resultHome), at the viewport centre if it is gone; fixed on
 * the run once the first one is placed, so the others fill the same grid. A section too
 * hemmed in to grow is left for the section around it, or the page.
 */
export async function slotsFor(run: PendingRun): Promise<Slots> {
  // A finish goes beside the draft it finishes (while it exists); other runs beside their base frame.
  const source = (run.finishes ? await findSceneNode(run.finishes) : null) ?? (await findSceneNode(run.sourceNodeIds[0] ?? ''));
  const page = await loadedPage((source && pageOf(source)) || figma.currentPage);
  const sourceName = source?.name ?? 'Riverflow result';
  const fixedIn = run.slotsIn ? await figma.getNodeByIdAsync(run.slotsIn) : null;
  if (run.slots && run.slots.length >= run.tasks.length && fixedIn && !fixedIn.removed && (fixedIn.type === 'PAGE' || fixedIn.type === 'SECTION'))
    return { page, container: fixedIn, slots: run.slots, sourceName };
  // A composite is the frame's own size, so its text lines up; other results take the output's ratio.
  const output = run.composite?.size ?? { width: run.width, height: run.height };
  const home = source ? resultHome(source) : { container: page, anchor: null };
  let container: ResultContainer = home.container;
  let anchor: SceneNode | null = home.anchor;
  // The results sit beside the outermost frame there, as wide as the source itself.
  const width = run.composite ? run.composite.size.width : source ? (boxIn(container, source)?.width ?? 0) : 512;
  for (;;) {
    const anchorBox = anchor ? boxIn(container, anchor) : null;
    const centre = pointIn(container, figma.viewport.center.x, figma.viewport.center.y);
    const around = centredAt(centre.x, centre.y, width, output.width, output.height);
    // Without a source, the block starts at the viewport centre instead of beside a frame.
    const beside = anchorBox
      ? { ...anchorBox, x: anchorBox.x + anchorBox.width - width, width }
      : { ...around, x: around.x - around.width - placementGap(around.width) };
    const obstacles = [
      ...container.children.map((n) => boxIn(container, n)).filter((b): b is Rect => b !== null),
      ...(await reservedSlots(run.runId, container)),
    ];
    const growing = growingSections(container);
    const slots = placeResults({ source: beside, obstacles, count: run.tasks.length, outputWidth: output.width, outputHeight: output.height, growing });
    if (slots) return { page, container, slots, sourceName };
    // No room that grows the section over nothing: beside the section itself, one level out.
    anchor = container as SectionNode;
    container = container.parent as ResultContainer;
  }
}
