import type { DevEndpoints, SelectedNode } from '../core/protocol.ts';
import type { Settings } from '../core/records.ts';
import { runBlocker } from '../core/runBlocker.ts';
import { readQuickEdit } from '../core/quickEdit.ts';
import { matchPreset } from '../core/sizes.ts';
import { send } from './bridge.ts';
import { makeClient } from './makeClient.ts';
import { runEdit } from './run.ts';

export interface QuickStart {
  readonly quick: { readonly prompt: string; readonly size: string | null };
  readonly apiKey: string | null;
  readonly endpoints: DevEndpoints | null;
  readonly transport: 'rest' | 'ws' | null;
  readonly settings: Settings;
}

/**
 * The quick action: the same run as the panel's, on the current selection, with the
 * saved key and output options, reported through one notification.
 */
export async function runQuick(start: QuickStart, nodes: readonly SelectedNode[], skipped: readonly { name: string; reason: string }[]): Promise<void> {
  const done = (message: string, error: boolean) => send({ type: 'quick-done', message, error });
  const quick = readQuickEdit(start.quick);
  if (typeof quick === 'string') return done(quick, true);
  const { apiKey } = start;
  if (!apiKey) return done('Open Riverflow once and save your Runware API key, then use the quick action.', true);
  const problem = runBlocker({ apiKey, prompt: quick.prompt, selected: nodes.length, skipped });
  if (problem) return done(problem, true);
  const base = nodes[0]!;
  const preset = quick.preset ?? matchPreset(base.width, base.height);
  send({ type: 'remember-prompt', prompt: quick.prompt });
  const client = makeClient(apiKey, start.endpoints, start.transport);
  try {
    const outcome = await runEdit(client, { prompt: quick.prompt, preset, nodes, settings: start.settings }, () => {}, new AbortController().signal);
    done(`Riverflow placed ${outcome.placed} image${outcome.placed === 1 ? '' : 's'} beside “${base.name}”.`, false);
  } catch (e) {
    done(e instanceof Error ? e.message : String(e), true);
  } finally {
    client.close();
  }
}
