import { onUIMessage } from './bridge.ts';
import { handleMessage, sendSelection } from './handlers.ts';

// Wiring only: behaviour lives in the modules this imports.
figma.showUI(__html__, { width: 340, height: 620, title: 'Riverflow', themeColors: true });
figma.on('selectionchange', sendSelection);
onUIMessage(handleMessage);
