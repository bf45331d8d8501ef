import * as z from 'zod/mini';

/** The panel's size, as the designer last dragged it; kept per user in clientStorage. */
export const PANEL_LIMITS = { minWidth: 300, maxWidth: 800, minHeight: 400, maxHeight: 1200 } as const;

export const PanelSizeSchema = z.object({
  width: z.int().check(z.gte(PANEL_LIMITS.minWidth), z.lte(PANEL_LIMITS.maxWidth)),
  height: z.int().check(z.gte(PANEL_LIMITS.minHeight), z.lte(PANEL_LIMITS.maxHeight)),
});
export type PanelSize = z.infer<typeof PanelSizeSchema>;

export const DEFAULT_PANEL_SIZE: PanelSize = { width: 340, height: 640 };

/** A size the panel may take: whole pixels within the limits. */
export function clampPanelSize(width: number, height: number): PanelSize {
  const clamp = (v: number, min: number, max: number) => Math.round(Math.min(max, Math.max(min, v)));
  return { width: clamp(width, PANEL_LIMITS.minWidth, PANEL_LIMITS.maxWidth), height: clamp(height, PANEL_LIMITS.minHeight, PANEL_LIMITS.maxHeight) };
}
