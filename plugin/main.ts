import { MENU_COMMANDS } from '../core/commands.ts';
import type { QuickEditParameters } from '../core/protocol/toUI.ts';
import { onUIMessage } from './bridge.ts';
import { eventHandlers, readStoredInit, requestHandlers, sendInit, sendSelection } from './handlers.ts';
import { suggestParameters } from './quickEditParameters.ts';
import { getPanelSize } from './storage.ts';
import { removeLiveTemporaries } from './temporaryCopy.ts';

// Wiring only: behaviour lives in the modules this imports. The UI is shown from `run`,
// not at load: Figma asks for quick-edit parameters before `run`, and not once showUI ran.
figma.parameters.on('input', (event) => void suggestParameters(event));
figma.on('run', async ({ command, parameters }) => {
  const quickEdit: QuickEditParameters | null =
    command === MENU_COMMANDS.quick ? { prompt: String(parameters?.prompt ?? ''), size: typeof parameters?.size === 'string' ? parameters.size : null } : null;
  let stored: ReturnType<typeof readStoredInit> | undefined = readStoredInit();
  // Read before anyone waits for it: a failed read must not be an unhandled rejection meanwhile.
  stored.catch(() => undefined);
  // The network calls live in the iframe, so a quick edit runs it unseen and reports by notify.
  if (quickEdit) figma.showUI(__html__, { visible: false, themeColors: true });
  else figma.showUI(__html__, { ...(await getPanelSize()), title: 'Riverflow', themeColors: true });
  figma.on('selectionchange', sendSelection);
  figma.on('close', removeLiveTemporaries);
  onUIMessage(requestHandlers, {
    ...eventHandlers,
    'ui-ready': () => {
      // The first panel start uses what was read at run; a later one (a reloaded iframe) reads afresh.
      const records = stored ?? readStoredInit();
      stored = undefined;
      return sendInit(command, quickEdit, records);
    },
  });
});
