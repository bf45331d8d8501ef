import type { QuickEditParameters } from '../core/protocol/toUI.ts';
import { parseProvenance, PROVENANCE_KEY } from '../core/records/provenance.ts';
import { PluginProblem, postToUI, type EventHandlers, type RequestHandlers } from './bridge.ts';
import { prepareComposite } from './compositeParts.ts';
import { resultFillReference } from './resultFill.ts';
import { sweepTemporaryNodes } from './temporaryCopy.ts';
import { exportReferences } from './exportReferences.ts';
import { fileId } from './fileId.ts';
import { exportThumbnail, resultsOnPage, starResults } from './history.ts';
import { exportPreview, keepResult } from './keepResult.ts';
import { describePins, setPinned } from './pins.ts';
import { placeResult, RELAUNCH_COMMAND } from './placeResult.ts';
import { storeTile } from './tiledResult.ts';
import { finishPlan } from './finishPlan.ts';
import { findSceneNode, pageOf } from './sceneNode.ts';
import { describeSelection, trackSelection } from './selection.ts';
import * as storage from './storage.ts';
import { setProtected } from './protect.ts';
import { errorText } from '../core/errorText.ts';
import { notice } from '../core/notice.ts';

export function sendSelection(): void {
  const selection = figma.currentPage.selection;
  trackSelection(selection);
  postToUI({ type: 'selection', ...describeSelection(selection) });
}

/**
 * Everything init needs from clientStorage, asked for as soon as the plugin runs: the round trips
 * overlap the iframe's own start instead of following its ui-ready (the bench's open→interactive
 * phases showed them as a fifth of the wait). Nothing writes these before the panel exists.
 */
export function readStoredInit() {
  return Promise.all([
    storage.getApiKey(),
    storage.getSettings(),
    storage.getPendingRuns(),
    storage.getDevEndpoints(),
    storage.getTransport(),
    storage.getRecentPrompts(),
    storage.getMonthSpend(),
  ]);
}

export async function sendInit(command: string, quickEdit: QuickEditParameters | null, stored: ReturnType<typeof readStoredInit>): Promise<void> {
  const [apiKey, settings, pending, endpoints, transport, recentPrompts, monthSpend] = await stored;
  const file = fileId();
  sweepTemporaryNodes();
  // Opened from a result's "Edit again" button: Figma runs the plugin with that command.
  const [selected] = figma.currentPage.selection;
  const relaunch = command === RELAUNCH_COMMAND && selected ? (parseProvenance(selected.getPluginData(PROVENANCE_KEY)) ?? null) : null;
  postToUI({
    type: 'init',
    apiKey,
    settings,
    pending: pending.filter((r) => r.fileId === file),
    pendingElsewhere: pending.filter((r) => r.fileId !== file).length,
    endpoints,
    transport,
    recentPrompts,
    monthSpend,
    relaunch,
    quickEdit,
  });
  sendSelection();
  await sendPins();
}

export async function sendPins(): Promise<void> {
  postToUI({ type: 'pins', ...(await describePins()) });
}

/** One placement at a time: each reads the page to find free space, so parallel runs must not claim the same spot. */
let placing: Promise<unknown> = Promise.resolve();

export const requestHandlers: RequestHandlers = {
  'save-key': async ({ apiKey }) => {
    await storage.setApiKey(apiKey.trim());
    return {};
  },
  'record-spend': async ({ usd }) => ({ monthUsd: await storage.recordSpend(usd) }),
  'forget-key': async () => {
    await storage.deleteApiKey();
    return {};
  },
  'export-references': async (m) => ({
    count: await exportReferences(
      m.nodeIds,
      m.maxLongSide,
      m.skipCache,
      (index, reference) => postToUI({ type: 'reference', id: m.id, index, reference }),
      m.hide,
    ),
  }),
  'pending-save': async ({ run }) => {
    await storage.savePendingRun({ ...run, fileId: fileId() });
    return {};
  },
  'pending-remove': async ({ runId }) => {
    await storage.removePendingRun(runId);
    return {};
  },
  'store-tile': async ({ bytes }) => storeTile(bytes),
  'finish-plan': ({ nodeId }) => finishPlan(nodeId),
  'place-result': (m) => {
    const next = placing.then(async () => {
      const run = await storage.getPendingRun(m.runId);
      if (!run) throw new PluginProblem('This result’s run is no longer known, so it was not placed.');
      if (run.fileId !== fileId()) throw new PluginProblem('This result belongs to another file, so it was not placed here.');
      try {
        return await placeResult(run, m);
      } catch (e) {
        if (e instanceof PluginProblem) throw e;
        throw new PluginProblem(`Figma could not place the image: ${errorText(e)}`);
      }
    });
    placing = next.catch(() => undefined);
    return next;
  },
  'select-nodes': async ({ nodeIds }) => {
    const nodes = (await Promise.all(nodeIds.map(findSceneNode))).filter((n): n is SceneNode => n !== null);
    if (!nodes.length) throw new PluginProblem('Those results were deleted.');
    // Selection is per page: show the first result's page, then select what lives on it.
    const page = pageOf(nodes[0]!);
    if (page && page !== figma.currentPage) await figma.setCurrentPageAsync(page);
    const here = nodes.filter((n) => pageOf(n) === figma.currentPage);
    figma.currentPage.selection = here;
    figma.viewport.scrollAndZoomIntoView(here);
    return {};
  },
  'export-preview': async ({ nodeId, width }) => ({ bytes: await exportPreview(nodeId, width) }),
  'keep-result': async ({ runId, nodeId }) => ({ removed: await keepResult(runId, nodeId) }),
  'prepare-composite': (m) => prepareComposite(m),
  'result-image': ({ nodeId, skipCache }) => resultFillReference(nodeId, skipCache),
  'star-results': async ({ nodeIds, starred }) => {
    await starResults(nodeIds, starred);
    return { results: resultsOnPage(figma.currentPage) };
  },
  // The reply is the pins as they now are (the panel also hears of them at start and on page changes).
  'protect-layer': async ({ layerId, on }) => {
    const reply = await setProtected(layerId, on);
    // The selection's lists name the protected layers: they changed.
    sendSelection();
    return reply;
  },
  'pin-reference': async ({ nodeId, pinned }) => {
    await setPinned(nodeId, pinned);
    return describePins();
  },
};

export const eventHandlers: EventHandlers = {
  'ui-ready': () => undefined,
  'save-settings': ({ settings }) => storage.setSettings(settings),
  'save-transport': ({ transport }) => storage.setTransport(transport),
  'remember-upload': ({ hash, imageUUID }) => storage.rememberUpload(hash, imageUUID, Date.now()),
  'forget-upload': ({ hash }) => storage.forgetUpload(hash),
  notify: ({ message, error }) => void figma.notify(notice(message), { error, timeout: error ? 6000 : 3000 }),
  'get-thumbnails': async ({ nodeIds }) => {
    for (const nodeId of nodeIds) postToUI({ type: 'thumbnail', nodeId, ...(await exportThumbnail(nodeId)) });
  },
  'get-history': () => postToUI({ type: 'history', results: resultsOnPage(figma.currentPage) }),
  'remember-prompt': ({ prompt }) => storage.rememberPrompt(prompt),
  // The corner handle: Figma plugins resize their own window, and the size is remembered.
  'resize-ui': ({ size, save }) => {
    figma.ui.resize(size.width, size.height);
    return save ? storage.setPanelSize(size) : undefined;
  },
  // Ends a quick edit: every write it asked for must land first, since closing stops Figma's APIs.
  'quick-edit-done': async ({ message, error }) => {
    await storage.settled();
    figma.notify(notice(message), { error, timeout: error ? 6000 : 4000 });
    figma.closePlugin();
  },
};
