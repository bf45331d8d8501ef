import type { ToMain } from '../core/protocol.ts';
import { ProvenanceSchema } from '../core/records.ts';
import { postToUI, reply } from './bridge.ts';
import { exportReferences, ReferenceError } from './exportReferences.ts';
import { placeResult, PROVENANCE_KEY } from './placeResult.ts';
import { describeSelection } from './selection.ts';
import * as storage from './storage.ts';

export function sendSelection(): void {
  postToUI({ type: 'selection', ...describeSelection(figma.currentPage.selection) });
}

/** When opened from a result's "Edit again" button: its prompt and size, to fill in. */
function relaunchContext(): { prompt: string; width: number; height: number } | null {
  const [node] = figma.currentPage.selection;
  if (!node) return null;
  const raw = node.getPluginData(PROVENANCE_KEY);
  if (!raw) return null;
  try {
    const p = ProvenanceSchema.safeParse(JSON.parse(raw));
    return p.success ? { prompt: p.data.prompt, width: p.data.width, height: p.data.height } : null;
  } catch {
    return null;
  }
}

export async function sendInit(): Promise<void> {
  const [apiKey, settings, pending, endpoints, transport] = await Promise.all([
    storage.getApiKey(),
    storage.getSettings(),
    storage.getPendingTasks(),
    storage.getDevEndpoints(),
    storage.getTransport(),
  ]);
  postToUI({ type: 'init', apiKey, settings, pending: Object.values(pending), endpoints, transport, relaunch: relaunchContext() });
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
      const task = (await storage.getPendingTasks())[message.taskUUID];
      if (!task) return reply(message.id, false, 'This result’s task is no longer known, so it was not placed.');
      try {
        const { nodeId } = await placeResult(task, message);
        return reply(message.id, true, undefined, nodeId);
      } catch (e) {
        return reply(message.id, false, `Figma could not place the image: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    case 'notify':
      figma.notify(message.message, { error: message.error, timeout: message.error ? 6000 : 3000 });
      return;
  }
}
