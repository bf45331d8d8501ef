/**
 * The emulator's own reading of Runware's Riverflow pages, written apart from core/models.ts
 * on purpose: one table shared by plugin and emulator would only ever agree with itself.
 * Sizes are the pages' "Compatibility & Validation" rows as `WxH`; prices their "Pricing".
 */
export interface EmulatedModel {
  readonly sizes: ReadonlyMap<string, '1K' | '2K' | '4K'>;
  /** USD per image at a tier, or per 1024² pixels (1.1 Mini's per-megapixel price). */
  readonly cost: (width: number, height: number, tier: '1K' | '2K' | '4K', thinking: string) => number;
  readonly maxReferences: number;
  /** Riverflow 2.5's `settings` object: the thinking levels it takes (absent: the model takes no `settings`). */
  readonly thinking?: readonly string[];
}

const ONE_K_1X = '1024x1024 1152x864 864x1152 1280x720 720x1280 1248x832 832x1248 1512x648 648x1512 1152x896 896x1152';
const ONE_K_2 = '1024x1024 1152x864 864x1152 1280x720 720x1280 1248x832 832x1248 1120x896 896x1120 1512x648';
const TWO_K_2 = '2048x2048 2304x1728 1728x2304 2560x1440 1440x2560 2496x1664 1664x2496 2240x1792 1792x2240 3024x1296';
// Riverflow 2.5 Fast's page: ten ratios of its own (21:9 and 9:16 where 2.0 has 7:3 and 5:4 rows of other sizes).
const ONE_K_25 = '1024x1024 1344x576 1024x576 1152x768 1024x768 960x768 768x960 768x1024 768x1152 576x1024';
const TWO_K_25 = '2048x2048 2688x1152 2048x1152 2304x1536 2048x1536 1920x1536 1536x1920 1536x2048 1536x2304 1152x2048';
/** 2.5 Fast's page prices 1K by thinking effort; it publishes no 2K price, so the emulator bills twice the 1K one (a stand-in figure). */
const FAST_25_1K: Record<string, number> = { low: 0.021, medium: 0.022, high: 0.025 };
const FOUR_K_2 = '4096x4096 4608x3456 3456x4608 5120x2880 2880x5120 4992x3328 3328x4992 4480x3584 3584x4480 6048x2592';

function sizes(rows: Partial<Record<'1K' | '2K' | '4K', string>>): ReadonlyMap<string, '1K' | '2K' | '4K'> {
  const map = new Map<string, '1K' | '2K' | '4K'>();
  for (const [tier, list] of Object.entries(rows) as ['1K' | '2K' | '4K', string][]) for (const size of list.split(' ')) map.set(size, tier);
  return map;
}

const round = (usd: number) => Math.round(usd * 10_000) / 10_000;

export const EMULATED_MODELS: ReadonlyMap<string, EmulatedModel> = new Map([
  ['sourceful:1@2', { sizes: sizes({ '1K': ONE_K_1X }), cost: () => 0.077, maxReferences: 10 }],
  ['sourceful:1@1', { sizes: sizes({ '1K': ONE_K_1X }), cost: () => 0.039, maxReferences: 10 }],
  // "about $0.0303 per megapixel": Runware's own bill, which the panel's estimate (0.0302 at 1024²) only approaches.
  ['sourceful:1@0', { sizes: sizes({ '1K': ONE_K_1X }), cost: (w: number, h: number) => round((0.0303 * w * h) / 2 ** 20), maxReferences: 10 }],
  [
    'sourceful:riverflow-2.0@fast',
    { sizes: sizes({ '1K': ONE_K_2, '2K': TWO_K_2 }), cost: (_w: number, _h: number, tier: string) => (tier === '2K' ? 0.04 : 0.02), maxReferences: 4 },
  ],
  [
    'sourceful:riverflow-2.0@pro',
    {
      sizes: sizes({ '1K': ONE_K_2, '2K': TWO_K_2, '4K': FOUR_K_2 }),
      cost: (_w: number, _h: number, tier: string) => (tier === '4K' ? 0.33 : 0.15),
      maxReferences: 10,
    },
  ],
  [
    'sourceful:riverflow-2.5@fast',
    {
      sizes: sizes({ '1K': ONE_K_25, '2K': TWO_K_25 }),
      cost: (_w: number, _h: number, tier: string, thinking: string) => (FAST_25_1K[thinking] ?? 0) * (tier === '2K' ? 2 : 1),
      maxReferences: 4,
      thinking: ['low', 'medium', 'high'],
    },
  ],
]);

/** What one image of this task costs; undefined for a model or size the emulator does not serve. */
export function imageCost(task: Record<string, unknown>): number | undefined {
  const { model, width, height } = task;
  const m = typeof model === 'string' ? EMULATED_MODELS.get(model) : undefined;
  const tier = m?.sizes.get(`${String(width)}x${String(height)}`);
  // Medium is 2.5's thinking effort when none is asked (Scenario's reading; Runware's page is silent).
  const thinking = (task.settings as { thinkingLevel?: string } | undefined)?.thinkingLevel ?? 'medium';
  return m && tier ? round(m.cost(width as number, height as number, tier, thinking)) : undefined;
}
