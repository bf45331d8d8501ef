import { formatUsd, plural } from '../core/format.ts';
import { asksFirst, quoteRun } from '../core/spend.ts';
import { chooseComposite } from '../core/composite/choice.ts';
import type { AreaSelection } from '../core/protocol/composite.ts';
import type { SelectedNode, SkippedNode } from '../core/protocol/shared.ts';
import type { ToUI } from '../core/protocol/toUI.ts';
import { readQuickEdit } from '../core/quickEdit.ts';
import { runBlocker } from '../core/runBlocker.ts';
import { matchSize, modelOf } from '../core/models.ts';
import { notice, shortName } from '../core/notice.ts';
import { send } from './bridge.ts';
import { RunFailed } from './run/runFailed.ts';
import { iframeHost } from './run/iframeHost.ts';
import { runEdit } from './run/runEdit.ts';
import { makeClient } from './runware/makeClient.ts';
import { errorText } from '../core/errorText.ts';

type Init = Extract<ToUI, { type: 'init' }>;

/**
 * The quick edit: the same run as the panel's, on the current selection, with the saved
 * key and output options, unseen, reported through one notification as the plugin closes.
 */
export async function runQuickEdit(init: Init, nodes: readonly SelectedNode[], skipped: readonly SkippedNode[], area?: AreaSelection): Promise<void> {
  // The quick edit reports only through this one notification: outcome first, within Figma's 100 characters.
  const done = (message: string, error: boolean, detail = '') => send({ type: 'quick-edit-done', message: notice(message, detail), error });
  const model = modelOf(init.settings.model);
  const quick = init.quickEdit ? readQuickEdit(init.quickEdit, model, init.settings.tier) : 'Riverflow needs a prompt: describe the change you want.';
  if (typeof quick === 'string') return done(quick, true);
  const { apiKey } = init;
  if (!apiKey) return done('Open Riverflow once and save your Runware API key, then use the quick edit.', true);
  const problem = runBlocker({ apiKey, prompt: quick.prompt, selected: nodes.length, skipped, limits: model.limits });
  if (problem) return done(problem, true);
  const base = nodes[0]!;
  // As in the panel: a marked area is edited alone (its size follows the crop), text kept sharp if so chosen.
  const { areaPlan, composite } = chooseComposite({ base, area, areaOnly: true, batch: false, settings: init.settings });
  const preset = areaPlan?.preset ?? quick.preset ?? matchSize(model, base.width, base.height, init.settings.tier);
  // Unseen, it cannot ask "Spend $X.XX?": above the threshold it sends nothing and says where to run it.
  const quote = quoteRun(model, preset, init.settings.numberResults, init.settings.thinking);
  if (asksFirst(quote, init.settings.confirmAboveUsd))
    return done(`Not sent: ${quote.exact ? '' : 'at least '}${formatUsd(quote.usd)} is over your limit. Run it from the Riverflow panel.`, true);
  send({ type: 'remember-prompt', prompt: quick.prompt });
  const client = makeClient({ apiKey, endpoints: init.endpoints, transport: init.transport });
  try {
    const outcome = await runEdit(
      iframeHost,
      client,
      { prompt: quick.prompt, preset, nodes: nodes.slice(0, model.limits.maxReferences), settings: init.settings, ...(composite ? { composite } : {}) },
      () => {},
      new AbortController().signal,
    );
    done(`Riverflow placed ${plural(outcome.placed, 'image')} beside “${shortName(base.name)}”.`, false, (outcome.notes ?? []).join(' '));
  } catch (e) {
    if (!(e instanceof RunFailed)) return done('Not edited:', true, errorText(e));
    if (e.kept) return done('Still at Runware: placed the next time you open Riverflow.', true, e.reason);
    done(e.charged === 'no' ? 'Not edited, nothing charged:' : 'Not edited:', true, e.reason);
  } finally {
    client.close();
  }
}
