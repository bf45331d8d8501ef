import { onUIMessage } from './bridge.ts';
import { handleMessage, sendSelection, setQuickEdit } from './handlers.ts';
import { suggestParameters } from './quickAction.ts';

// Wiring only: behaviour lives in the modules this imports. The UI is shown from `run`,
// not at load: Figma does not run quick-action parameter input once showUI was called.
figma.parameters.on('input', (event) => void suggestParameters(event));
figma.on('run', ({ command, parameters }) => {
  if (command === 'quick') {
    // Checked in the UI (core/quickEdit.ts), which reports problems through quick-done.
    setQuickEdit({ prompt: String(parameters?.prompt ?? ''), size: typeof parameters?.size === 'string' ? parameters.size : null });
    // The network calls live in the iframe, so it runs, unseen, and reports by notify.
    figma.showUI(__html__, { visible: false, themeColors: true });
  } else {
    figma.showUI(__html__, { width: 340, height: 640, title: 'Riverflow', themeColors: true });
  }
  figma.on('selectionchange', sendSelection);
  onUIMessage(handleMessage);
});
