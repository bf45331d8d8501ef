import * as z from 'zod/mini';
import { PanelSizeSchema } from '../records/panelSize.ts';
import { SettingsSchema } from '../records/settings.ts';
import { REQUEST_TYPES, requestSchema, type ToMainRequest } from './requests.ts';
import { TransportNameSchema } from './shared.ts';

/** Every UI → main message: events (nothing comes back), then requests, answered by one `reply` each. */
export const ToMainSchema = z.discriminatedUnion('type', [
  // Events: nothing comes back.
  z.object({ type: z.literal('ui-ready') }),
  z.object({ type: z.literal('save-settings'), settings: SettingsSchema }),
  z.object({ type: z.literal('save-transport'), transport: TransportNameSchema }),
  z.object({ type: z.literal('remember-upload'), hash: z.string(), imageUUID: z.string() }),
  z.object({ type: z.literal('forget-upload'), hash: z.string() }),
  z.object({ type: z.literal('notify'), message: z.string(), error: z.boolean() }),
  z.object({ type: z.literal('get-thumbnails'), nodeIds: z.array(z.string()) }),
  z.object({ type: z.literal('get-history') }),
  z.object({ type: z.literal('remember-prompt'), prompt: z.string() }),
  z.object({ type: z.literal('quick-edit-done'), message: z.string(), error: z.boolean() }),
  /** `save`: remember the size (on release, or a key press), not on every pointer move of a drag. */
  z.object({ type: z.literal('resize-ui'), size: PanelSizeSchema, save: z.boolean() }),
  // Requests: one schema per entry of REQUESTS (requests.ts).
  ...REQUEST_TYPES.map(requestSchema),
]);
type ToMainEvent = Exclude<z.infer<typeof ToMainSchema>, { id: number }>;
export type ToMain = ToMainEvent | ToMainRequest;
export type { ToMainRequest };
