import { parseProvenance, PROVENANCE_KEY } from '../../core/records/provenance.ts';
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
    const p = parseProvenance(node.getPluginData(PROVENANCE_KEY));
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
    if (images.length && !placed.has(t)) add('lost', `task ${t} finished but its image was never placed`);
  }
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
