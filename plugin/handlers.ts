import type { ToMain } from '../core/protocol.ts';
import { postToUI, reply } from './bridge.ts';
import { exportReferences, ExportProblem } from './exportReferences.ts';
import { placeResult, PROVENANCE_KEY } from './placeResult.ts';
import { exportThumbnail, resultsOnPage } from './documentResults.ts';
import { describeSelection } from './selection.ts';
import { settingsInRange } from '../core/records.ts';
import * as storage from './storage.ts';

let quickEdit: { prompt: string; size: string | null } | null = null;

export function setQuickEdit(quick: { prompt: string; size: string | null }): void {
  quickEdit = quick;
}

/** Ends a quick action: one notification, then the plugin closes. */
export function closeQuickEdit(message: string, error: boolean): void {
  figma.notify(message, { error, timeout: error ? 6000 : 4000 });
  figma.closePlugin();
}

export function sendSelection(): void {
  postToUI({ type: 'selection', ...describeSelection(figma.currentPage.selection) });
}

/** When opened from a result's "Edit again" button: its provenance, for the UI to read. */
function relaunchContext(): string | null {
  const [node] = figma.currentPage.selection;
  return (node && node.getPluginData(PROVENANCE_KEY)) || null;
}

export async function sendInit(): Promise<void> {
  const [apiKey, settings, pending, endpoints, transport, recentPrompts] = await Promise.all([
    storage.getApiKey(),
    storage.getSettings(),
    storage.getPendingTasks(),
    storage.getDevEndpoints(),
    storage.getTransport(),
    storage.getRecentPrompts(),
  ]);
  postToUI({ type: 'init', apiKey, settings, pending, endpoints, transport, recentPrompts, relaunch: relaunchContext(), quick: quickEdit });
  sendSelection();
}

let placing: Promise<void> = Promise.resolve();

export async function handleMessage(message: ToMain): Promise<void> {
  switch (message.type) {
    case 'ui-ready':
      return sendInit();
    case 'save-key':
      await storage.setApiKey(message.apiKey.trim());
      return reply(message.id, true);
    case 'forget-key':
      await storage.deleteApiKey();
      return reply(message.id, true);
    case 'save-settings':
      if (settingsInRange(message.settings)) await storage.setSettings(message.settings);
      return;
    case 'save-transport':
      return storage.setTransport(message.transport);
    case 'remember-upload':
      return storage.rememberUpload(message.hash, message.imageUUID, Date.now());
    case 'forget-upload':
      return storage.forgetUpload(message.hash);
    case 'export-references':
      try {
        await exportReferences(message.nodeIds, message.maxLongSide, message.skipCache, (index, reference) =>
          postToUI({ type: 'reference', id: message.id, index, reference }),
        );
        return reply(message.id, true);
      } catch (e) {
        return reply(message.id, false, e instanceof ExportProblem ? e.message : 'Figma could not export the selection.');
      }
    case 'pending-save':
      await storage.savePendingTask(message.task);
      return reply(message.id, true);
    case 'pending-remove':
      return storage.removePendingTask(message.taskUUID);
    case 'place-result':
      // One placement at a time: each reads the page to find free space, so batch runs
      // placing side by side must not both claim the same spot.
      placing = placing.then(async () => {
        const task = await storage.getPendingTask(message.taskUUID);
        if (!task) return reply(message.id, false, 'This result’s task is no longer known, so it was not placed.');
        try {
          const { nodeId } = await placeResult(task, message);
          reply(message.id, true, undefined, nodeId);
        } catch (e) {
          reply(message.id, false, `Figma could not place the image: ${e instanceof Error ? e.message : String(e)}`);
        }
      });
      return placing;
    case 'get-thumbnails':
      for (const nodeId of message.nodeIds) postToUI({ type: 'thumbnail', nodeId, bytes: await exportThumbnail(nodeId) });
      return;
    case 'get-history':
      return postToUI({ type: 'history', results: resultsOnPage(figma.currentPage) });
    case 'select-nodes': {
      const nodes = (await Promise.all(message.nodeIds.map((id) => figma.getNodeByIdAsync(id)))).filter(
        (n): n is SceneNode => n !== null && !n.removed && n.type !== 'PAGE' && n.type !== 'DOCUMENT',
      );
      figma.currentPage.selection = nodes;
      if (nodes.length) figma.viewport.scrollAndZoomIntoView(nodes);
      return;
    }
    case 'remember-prompt':
      return storage.rememberPrompt(message.prompt);
    case 'quick-done':
      return closeQuickEdit(message.message, message.error);
    case 'notify':
      figma.notify(message.message, { error: message.error, timeout: message.error ? 6000 : 3000 });
      return;
  }
}
