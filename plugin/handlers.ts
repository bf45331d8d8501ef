import type { ToMain } from '../core/protocol.ts';
import { postToUI, reply } from './bridge.ts';
import { exportReferences, ReferenceError } from './exportReferences.ts';
import { placeResult } from './placeResult.ts';
import { exportThumbnail, provenanceOf, readHistory } from './history.ts';
import { describeSelection } from './selection.ts';
import * as storage from './storage.ts';

export function sendSelection(): void {
  postToUI({ type: 'selection', ...describeSelection(figma.currentPage.selection) });
}

/** When opened from a result's "Edit again" button: its prompt and size, to fill in. */
function relaunchContext(): { prompt: string; width: number; height: number } | null {
  const [node] = figma.currentPage.selection;
  const p = node && provenanceOf(node);
  return p ? { prompt: p.prompt, width: p.width, height: p.height } : null;
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
  postToUI({ type: 'init', apiKey, settings, pending, endpoints, transport, recentPrompts, relaunch: relaunchContext() });
  sendSelection();
}

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
      return storage.setSettings(message.settings);
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
        return reply(message.id, false, e instanceof ReferenceError ? e.message : 'Figma could not export the selection.');
      }
    case 'pending-save':
      await storage.savePendingTask(message.task);
      return reply(message.id, true);
    case 'pending-remove':
      return storage.removePendingTask(message.taskUUID);
    case 'place-result': {
      const task = await storage.getPendingTask(message.taskUUID);
      if (!task) return reply(message.id, false, 'This result’s task is no longer known, so it was not placed.');
      try {
        const { nodeId } = await placeResult(task, message);
        return reply(message.id, true, undefined, nodeId);
      } catch (e) {
        return reply(message.id, false, `Figma could not place the image: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    case 'get-thumbnails':
      for (const nodeId of message.nodeIds) postToUI({ type: 'thumbnail', nodeId, bytes: (await exportThumbnail(nodeId)) ?? null });
      return;
    case 'get-history':
      return postToUI({ type: 'history', entries: readHistory(figma.currentPage) });
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
    case 'notify':
      figma.notify(message.message, { error: message.error, timeout: message.error ? 6000 : 3000 });
      return;
  }
}
