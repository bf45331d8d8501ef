import { exportReferences, request, send } from '../bridge.ts';
import { loadResultImage } from '../runware/placeableImage.ts';
import { makePreview } from './preview.ts';
import { composeResult } from './composeResult.ts';
import { cutTiles } from './tiles.ts';
import type { RunHost } from './runHost.ts';

/** The plugin iframe's side of a run: Figma's main thread through messages, the browser's decoder. */
export const iframeHost: RunHost = { request, send, exportReferences, loadResultImage, composeResult, makePreview, cutTiles };
