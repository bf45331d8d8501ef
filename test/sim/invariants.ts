import { overlaps } from '../../core/rect.ts';
import { parseProvenance, PROVENANCE_KEY } from '../../core/records/provenance.ts';
import type { FakeSceneNode } from '../../dev/fake-figma/nodes.ts';
import type { FakePage } from '../../dev/fake-figma/page.ts';
import type { Outcome } from './simulate.ts';
import { SIM_KEY } from './world.ts';

export interface Tally {
  chargedTwice: number;
  /** Charged under a taskUUID no run wrote down before submitting: sent again under a new id. */
  unrecorded: number;
  lost: number;
  placedTwice: number;
  wrongFile: number;
  strayNodes: number;
  stalePending: number;
  sourceChanged: number;
  keyLeaks: number;
  /** A result or a grown section over something it did not cover before. */
  overlaps: number;
  /** A node the designer made or moved (a ⌘D copy, a moved result) removed by Keep or Dismiss. */
  removedUnplaced: number;
  /** ⌘Z on a result did not give back the document exactly as before it. */
  undoMismatches: number;
  /** An area crop sent at another ratio than its task asked. */
  squeezedCrops: number;
  /** Not a problem: results placed as tiles (2.0 Pro at 4K), so a run can show the schedules reached them. */
  tiledPlaced: number;
}

export const emptyTally = (): Tally => ({
  chargedTwice: 0,
  unrecorded: 0,
  lost: 0,
  placedTwice: 0,
  wrongFile: 0,
  strayNodes: 0,
  stalePending: 0,
  sourceChanged: 0,
  keyLeaks: 0,
  overlaps: 0,
  removedUnplaced: 0,
  undoMismatches: 0,
  squeezedCrops: 0,
  tiledPlaced: 0,
});

/** Every promise about money and results, read from the world after the schedule ended. */
export async function check({ world, sources }: Outcome): Promise<{ tally: Tally; problems: string[] }> {
  const tally = emptyTally();
  const problems: string[] = [];
  const add = (k: keyof Tally, why: string) => {
    tally[k]++;
    problems.push(why);
  };
  const { account, host } = world;
  const charged = new Map<string, number>();
  for (const c of account.charges) charged.set(c.taskUUID, (charged.get(c.taskUUID) ?? 0) + 1);
  for (const [t, n] of charged) {
    if (n > 1) add('chargedTwice', `task ${t} charged ${n} times`);
    if (!world.written.has(t)) add('unrecorded', `task ${t} was charged but no run wrote it down first`);
  }
  const placed = new Map<string, { file: number }[]>();
  for (const { file, node } of host.everyNode()) {
    const p = world.copies.has(node) ? undefined : parseProvenance(node.getPluginData(PROVENANCE_KEY));
    if (p) placed.set(p.taskUUID, [...(placed.get(p.taskUUID) ?? []), { file }]);
    // A result past 4096 px is only whole with all its tiles, each showing an image Figma holds.
    const tiles = 'children' in node ? (node.children as (typeof node)[]) : [];
    if (p?.tiles) tally.tiledPlaced++;
    if (p?.tiles && (tiles.length !== p.tiles || tiles.some((t) => !(t.fills as Paint[]).some((f) => f.type === 'IMAGE'))))
      add('lost', `task ${p.taskUUID} placed with ${tiles.length} of its ${p.tiles} tiles`);
    if (node.getPluginData('riverflowTemporary')) add('strayNodes', `temporary node ${node.name} left`);
    if (node.name.includes(SIM_KEY) || node.getPluginDataKeys().some((k) => node.getPluginData(k).includes(SIM_KEY))) add('keyLeaks', `key in node ${node.id}`);
  }
  for (const [t, where] of placed) {
    if (where.length > 1) add('placedTwice', `task ${t} placed ${where.length} times`);
    if (where.some((w) => w.file !== 0)) add('wrongFile', `task ${t} placed in another file`);
  }
  // Every image Runware finished (a charged task that ended with its image) is on the canvas.
  for (const t of charged.keys()) {
    const state = account.tasks.get(t);
    if (!state || state.error) continue;
    const images = await state.results;
    if (images.length && !placed.has(t) && !world.takenBack.has(t)) add('lost', `task ${t} finished but its image was never placed`);
  }
  // Geometry: in the run's file, nothing on a page or in a section covers a sibling (the designer's own copies aside).
  for (const { file, node } of host.everyNode()) {
    if (file !== 0 || world.designerNodes.has(node) || !node.parent || (node.parent.type !== 'PAGE' && node.parent.type !== 'SECTION')) continue;
    const siblings = node.parent.type === 'PAGE' ? (node.parent as FakePage).childList : (node.parent as FakeSceneNode).children;
    for (const other of siblings)
      if (other !== node && !world.designerNodes.has(other) && overlaps(node.absoluteBoundingBox!, other.absoluteBoundingBox!) && node.id < other.id)
        add('overlaps', `${node.name} covers ${other.name}`);
  }
  for (const n of world.designerNodes) if (n.removed) add('removedUnplaced', 'Keep removed a node the designer made or moved');
  for (let i = 0; i < world.undoMismatches; i++) add('undoMismatches', '⌘Z on a result did not give back the document as before it');
  for (const why of world.squeezedCrops) add('squeezedCrops', why);
  const pending = [...host.storage.keys()].filter((k) => k.startsWith('pendingRun:'));
  if (pending.length) add('stalePending', `${pending.length} run(s) still pending after every reopen`);
  for (const s of sources) if (s.after !== null && s.after !== s.before) add('sourceChanged', 'a source frame was modified');
  const records = [...host.storage].filter(([k]) => k !== 'apiKey');
  const bytes = (v: unknown) => Object.prototype.toString.call(v) === '[object Uint8Array]';
  const shown = world.messages.map((m) => ((m as { type: string }).type === 'init' ? { ...(m as object), apiKey: null } : m));
  const seen = JSON.stringify([records, world.logs, shown], (_k, v: unknown) => (bytes(v) ? undefined : v));
  if (seen.includes(SIM_KEY)) add('keyLeaks', 'the key is in a record, a log line or a message other than init');
  return { tally, problems };
}
