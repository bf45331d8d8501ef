import { runPool } from '../../core/pool.ts';
import type { SelectedNode } from '../../core/protocol/shared.ts';
import { parseProvenance, PROVENANCE_KEY } from '../../core/records/provenance.ts';
import { DEFAULT_SETTINGS } from '../../core/records/settings.ts';
import { DEFAULT_FEATHER_PERCENT, planAreaCrop } from '../../core/composite/areaPlan.ts';
import { matchSize, modelOf } from '../../core/models.ts';
import { snapshotNode } from '../../dev/fake-figma/figma.ts';
import type { FakeSceneNode } from '../../dev/fake-figma/nodes.ts';
import { collectResults } from '../../ui/run/collectResults.ts';
import type { RunHost } from '../../ui/run/runHost.ts';
import { runEdit } from '../../ui/run/runEdit.ts';
import { runUpscale } from '../../ui/run/runUpscale.ts';
import type { RunwareClient } from '../../ui/runware/client.ts';
import type { Schedule } from './schedule.ts';
import { World } from './world.ts';

/** Reopens after the schedule's faults are spent, until nothing is pending (a designer opening the file again). */
const CLEAN_REOPENS = 3;

const selected = (n: FakeSceneNode): SelectedNode => ({ id: n.id, name: n.name, width: n.width, height: n.height });

export interface Outcome {
  readonly world: World;
  /** The source frames' snapshots before and after, unless the schedule deleted them. */
  readonly sources: readonly { readonly before: string; readonly after: string | null }[];
}

/**
 * One schedule, start to end: the designer's click (an edit, an area edit, a batch of two frames, or an upscale),
 * with faults and closes as the schedule says, then reopenings (same file, another file, another
 * page, the source deleted meanwhile) until every run has ended. Real UI run code, real dist/code.js.
 */
export async function simulate(schedule: Schedule): Promise<Outcome> {
  const world = new World(schedule);
  const { host } = world;
  const { box, label } = lay(world, schedule.layout);
  const marker = schedule.scenario === 'area' ? host.addLayer(box, { type: 'RECTANGLE', name: 'Area', ...schedule.marker, opacity: 0.3 }) : undefined;
  const before = [box, label].map((n) => snapshotNode(n));
  const file0 = host.page;
  let deleted = false;

  await world.open();
  const firstGeneration = world.generation;
  const first = world.session();
  const controller = new AbortController();
  const counted = countRequests(first.host, schedule.cancelAfter, controller);
  // An upscale starts from a 1K result: the panel offers no upscale of a 4K one.
  const model = schedule.scenario === 'upscale' ? ({ id: 'sourceful:1@2', tier: '1K' } as const) : schedule.model;
  const click = async () => {
    const edit = (nodes: FakeSceneNode[], variations: number, h: RunHost = counted, area?: FakeSceneNode) => {
      // As the panel plans "Edit only this area": the model's size nearest the marked area, the crop at it.
      const plan = area && planAreaCrop(schedule.marker, nodes[0]!, modelOf(model.id).sizes, model.tier);
      return runEdit(
        h,
        first.client,
        {
          prompt: 'Deep indigo',
          preset: plan?.preset ?? matchSize(modelOf(model.id), nodes[0]!.width, nodes[0]!.height, model.tier),
          nodes: nodes.map(selected),
          settings: { ...DEFAULT_SETTINGS, numberResults: variations, model: model.id, tier: model.tier },
          ...(area ? { composite: { markerId: area.id, markerName: area.name, keepTextSharp: false, featherPercent: DEFAULT_FEATHER_PERCENT } } : {}),
        },
        () => {},
        controller.signal,
      );
    };
    if (schedule.scenario === 'edit') await edit([box], schedule.variations);
    else if (schedule.scenario === 'area') await edit([box], schedule.variations, counted, marker);
    else if (schedule.scenario === 'batch') {
      // Edit each frame: the batch queue of the panel (core/pool), each frame alone.
      await runPool([box, label], 3, async (n) => {
        await edit([n], schedule.variations).catch(() => undefined);
      });
    } else {
      // The result to upscale is made first without faults; the upscale meets them.
      world.faultsOn = false;
      const made = await edit([box], 1, first.host);
      world.faultsOn = true;
      const node = host.page.findAll((n) => n.id === made.results[0]?.nodeId)[0];
      const provenance = node && parseProvenance(node.getPluginData(PROVENANCE_KEY));
      if (!node || !provenance) throw new Error('simulation: the result to upscale was not placed');
      await runUpscale(
        counted,
        first.client,
        { ...selected(node), result: { imageUUID: provenance.imageUUID, width: provenance.width, height: provenance.height } },
        2,
        () => {},
        controller.signal,
      );
    }
  };
  await Promise.race([click().catch(() => undefined), world.whenClosed(firstGeneration)]);
  if (world.generation === firstGeneration && !host.closed) await designerActs(world, first.host);

  // Reopenings: first as the schedule says (faults still coming), then clean ones in the run's own file.
  const reopens = [...schedule.reopens, ...Array.from({ length: CLEAN_REOPENS }, () => 'clean' as const)];
  for (const [i, how] of reopens.entries()) {
    if (how === 'clean' && !pendingIn(world)) break;
    if (!host.closed) world.close();
    if (how === 'clean') {
      world.faultsOn = false;
      // The designer comes back later: a submit that was on its way has long been registered or lost.
      world.clock += 10 * 60_000;
      await Promise.allSettled([...world.inflight]);
      // The designer makes room in clientStorage (or Figma's cache was cleared of other data).
      host.storage.delete('designerJunk');
      host.openFile(0);
      if (host.page !== file0) host.goToPage(file0);
    } else if (how === 'otherFile') host.openFile();
    else if (how === 'otherPage') host.goToPage(host.pages.find((p) => p.name === 'Elsewhere') ?? host.addPage('Elsewhere'));
    else if (how === 'sourceDeleted' && !deleted && i === 0) {
      host.openFile(0);
      host.edit(() => {
        box.remove();
        label.remove();
      });
      deleted = true;
    } else host.openFile(0);
    const init = await world.open();
    const generation = world.generation;
    const session = world.session();
    await Promise.race([recover(session.host, session.client, init.pending), world.whenClosed(generation)]);
  }
  if (!host.closed) world.close();
  host.openFile(0);
  return { world, sources: [box, label].map((n, i) => ({ before: before[i]!, after: deleted ? null : snapshotNode(n) })) };
}

/**
 * The two frames as the schedule lays them out: side by side in a row (Edit each frame with
 * variations), in a section with a mood board just to its right, or in a section inside another.
 */
function lay(world: World, layout: Schedule['layout']): { box: FakeSceneNode; label: FakeSceneNode } {
  const { host } = world;
  if (layout === 'row') {
    return {
      box: host.addFrame('Box front', { x: 0, y: 0, width: 1152, height: 864 }),
      label: host.addFrame('Label', { x: 1300, y: 0, width: 600, height: 800 }),
    };
  }
  const outer = host.addFrame('Packaging', { x: -100, y: -100, width: 2200, height: 1100 }, undefined, 'SECTION');
  const home = layout === 'nested' ? host.addFrame('Tea range', { x: 50, y: 50, width: 2100, height: 1000 }, undefined, 'SECTION', outer) : outer;
  host.addFrame('Mood board', { x: 2200, y: -100, width: 1500, height: 3000 });
  return {
    box: host.addFrame('Box front', { x: 50, y: 50, width: 1152, height: 864 }, undefined, 'FRAME', home),
    label: host.addFrame('Label', { x: 1300, y: 50, width: 600, height: 800 }, undefined, 'FRAME', home),
  };
}

/** The designer's hands after the click: a ⌘D copy, a result moved into another section, Keep on one. */
async function designerActs(world: World, host: RunHost): Promise<void> {
  const results = world.host.page.findAll((n) => parseProvenance(n.getPluginData(PROVENANCE_KEY)) !== undefined && n.parent?.type !== 'FRAME');
  const [first, second] = results;
  if (!first) return;
  if (world.schedule.designer.includes('duplicate')) {
    const copy = world.host.duplicate(first);
    world.designerNodes.add(copy);
    world.copies.add(copy);
  }
  if (second && world.schedule.designer.includes('move')) {
    const shelf = world.host.addFrame('Shelf', { x: 100_000, y: 0, width: 3000, height: 3000 }, undefined, 'SECTION');
    world.host.edit(() => shelf.appendChild(second));
    world.designerNodes.add(second).add(shelf);
  }
  if (world.schedule.designer.includes('keep')) {
    const runId = parseProvenance(first.getPluginData(PROVENANCE_KEY))!.runId;
    const ofRun = results.flatMap((n) => {
      const p = parseProvenance(n.getPluginData(PROVENANCE_KEY));
      return p?.runId === runId ? [{ n, taskUUID: p.taskUUID }] : [];
    });
    // A close can come at this request too: the designer's Keep then never answers.
    const generation = world.generation;
    await Promise.race([host.request({ type: 'keep-result', runId, nodeId: first.id }).catch(() => undefined), world.whenClosed(generation)]);
    for (const { n, taskUUID } of ofRun) if (n.removed) world.takenBack.add(taskUUID);
  }
}

/** What the panel does at start with runs a closed plugin left pending (useRuns.recover). */
async function recover(host: RunHost, client: RunwareClient, pending: Parameters<typeof collectResults>[2][]): Promise<void> {
  for (const run of pending) await collectResults(host, client, run, () => {}, new AbortController().signal, true).catch(() => undefined);
}

function pendingIn(world: World): boolean {
  return [...world.host.storage.keys()].some((k) => k.startsWith('pendingRun:'));
}

/** Presses Cancel once the UI has made `after` requests to the main thread. */
function countRequests(host: RunHost, after: number | null, controller: AbortController): RunHost {
  let n = 0;
  return {
    ...host,
    request: (body, options) => {
      if (after !== null && n++ >= after) controller.abort();
      return host.request(body, options);
    },
    exportReferences: (...args) => {
      if (after !== null && n++ >= after) controller.abort();
      return host.exportReferences(...args);
    },
  };
}
