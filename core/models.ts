import { DEFAULT_THINKING, type Thinking } from './outputOptions.ts';
import { roundUsd } from './pricing.ts';
import { findPreset, sizeTable, SIZE_PRESETS, matchPreset, type SizePreset, type Tier } from './sizes.ts';

type TierPrices = Readonly<Partial<Record<Tier, number>>>;
/**
 * A model's price: per image by tier (its page's table), per megapixel (1.1 Mini), or per image by
 * thinking effort and tier (2.5). A tier missing from the table has no published price.
 */
export type ModelPrice =
  { readonly perImage: TierPrices } | { readonly perMegapixel: number } | { readonly perThinking: Readonly<Record<Thinking, TierPrices>> };

/** What a model takes. Where its page is silent, the strictest value another Riverflow page documents (see `borrowed`). */
export interface ModelLimits {
  readonly maxReferences: number;
  readonly minReferenceSide: number;
  readonly maxReferenceSide: number;
  readonly minPrompt: number;
  readonly maxPrompt: number;
}

export interface RiverflowModel {
  readonly id: string;
  readonly name: string;
  /** A few words in the Model select: what it is for. */
  readonly purpose: string;
  /** Runware's page the row was read from. */
  readonly page: string;
  readonly sizes: readonly SizePreset[];
  readonly price: ModelPrice;
  readonly limits: ModelLimits;
  /** Which limits are not on the model's own page, and where they come from. */
  readonly borrowed: string;
  /** The `settings` object the model takes (2.5): its thinking levels, and whether it cuts out backgrounds. */
  readonly choices?: { readonly thinking: readonly Thinking[]; readonly background: boolean };
}

/**
 * Riverflow 2.0's ten ratios at 1K (the same rows on the Fast and Pro pages). Their 2K and 4K rows
 * are exactly twice and four times these (2304×1728, 4608×3456…; 4K on Pro only): the emulator's
 * table lists every row as the pages print them, and a unit test holds the two together.
 */
const RIVERFLOW_2_1K = [
  ['1:1', 1024, 1024],
  ['4:3', 1152, 864],
  ['3:4', 864, 1152],
  ['16:9', 1280, 720],
  ['9:16', 720, 1280],
  ['3:2', 1248, 832],
  ['2:3', 832, 1248],
  ['5:4', 1120, 896],
  ['4:5', 896, 1120],
  ['7:3', 1512, 648],
] as const;
const times = (k: number) => RIVERFLOW_2_1K.map(([ratio, w, h]) => [ratio, w * k, h * k] as const);

/** Runware's Sourceful provider page (1.x references) and its SDK docs (positivePrompt 4–2000). */
const RIVERFLOW_1_LIMITS: ModelLimits = { maxReferences: 10, minReferenceSide: 300, maxReferenceSide: 2048, minPrompt: 4, maxPrompt: 2000 };
const BORROWED_1 = 'Prompt 4–2000 characters from Runware’s SDK docs; references 1–10 of 300–2048 px from Runware’s Sourceful provider page.';
const BORROWED_2 = 'Not on the 2.0 pages, so the strictest Riverflow value: prompt 4–2000 characters, references 300–2048 px a side (1.x pages).';

const PAGE = 'https://runware.ai/docs/models/';

/** Riverflow 2.5 Fast's own ten ratios (its page's table), 1K and 2K: not 2.0's. */
const RIVERFLOW_25_FAST = sizeTable({
  '1K': [
    ['1:1', 1024, 1024],
    ['21:9', 1344, 576],
    ['16:9', 1024, 576],
    ['3:2', 1152, 768],
    ['4:3', 1024, 768],
    ['5:4', 960, 768],
    ['4:5', 768, 960],
    ['3:4', 768, 1024],
    ['2:3', 768, 1152],
    ['9:16', 576, 1024],
  ],
  '2K': [
    ['1:1', 2048, 2048],
    ['21:9', 2688, 1152],
    ['16:9', 2048, 1152],
    ['3:2', 2304, 1536],
    ['4:3', 2048, 1536],
    ['5:4', 1920, 1536],
    ['4:5', 1536, 1920],
    ['3:4', 1536, 2048],
    ['2:3', 1536, 2304],
    ['9:16', 1152, 2048],
  ],
});

/** The Riverflow models on Runware whose page gives the whole contract: data, read by the panel, the estimate, requests and provenance. */
export const MODELS: readonly RiverflowModel[] = [
  {
    id: 'sourceful:1@2',
    name: 'Riverflow 1.1 Pro',
    purpose: 'finals at 1K, the most faithful edits',
    page: `${PAGE}sourceful-riverflow-1-1-pro`,
    sizes: SIZE_PRESETS,
    price: { perImage: { '1K': 0.077 } },
    limits: RIVERFLOW_1_LIMITS,
    borrowed: BORROWED_1,
  },
  {
    id: 'sourceful:1@1',
    name: 'Riverflow 1.1',
    purpose: 'everyday edits at half the price',
    page: `${PAGE}sourceful-riverflow-1-1`,
    sizes: SIZE_PRESETS,
    price: { perImage: { '1K': 0.039 } },
    limits: RIVERFLOW_1_LIMITS,
    borrowed: BORROWED_1,
  },
  {
    id: 'sourceful:1@0',
    name: 'Riverflow 1.1 Mini',
    purpose: 'quick tries, priced per megapixel',
    page: `${PAGE}sourceful-riverflow-1-1-mini`,
    sizes: SIZE_PRESETS,
    // The page prices it per megapixel: $0.0302 for a 1024² image, so a megapixel here is 1024² pixels.
    price: { perMegapixel: 0.0302 },
    limits: RIVERFLOW_1_LIMITS,
    borrowed: BORROWED_1,
  },
  {
    id: 'sourceful:riverflow-2.0@fast',
    name: 'Riverflow 2.0 Fast',
    purpose: 'drafts at two cents, 1K and 2K',
    page: `${PAGE}sourceful-riverflow-2-0-fast`,
    sizes: sizeTable({ '1K': RIVERFLOW_2_1K, '2K': times(2) }),
    price: { perImage: { '1K': 0.02, '2K': 0.04 } },
    // Sourceful says 10 references, another host's schema 4 for Fast: the stricter one until Runware's page says.
    limits: { ...RIVERFLOW_1_LIMITS, maxReferences: 4 },
    borrowed: `${BORROWED_2} At most 4 references (another host’s schema for 2.0 Fast; Sourceful’s notes say 10).`,
  },
  {
    id: 'sourceful:riverflow-2.0@pro',
    name: 'Riverflow 2.0 Pro',
    purpose: 'print finals at 2K and 4K',
    page: `${PAGE}sourceful-riverflow-2-0-pro`,
    sizes: sizeTable({ '1K': RIVERFLOW_2_1K, '2K': times(2), '4K': times(4) }),
    price: { perImage: { '1K': 0.15, '2K': 0.15, '4K': 0.33 } },
    limits: RIVERFLOW_1_LIMITS,
    borrowed: `${BORROWED_2} Up to 10 references (Sourceful’s notes).`,
  },
  {
    id: 'sourceful:riverflow-2.5@fast',
    name: 'Riverflow 2.5 Fast',
    purpose: 'cutouts, judged candidates, priced by thinking',
    page: `${PAGE}sourceful-riverflow-2-5-fast`,
    sizes: RIVERFLOW_25_FAST,
    // The page prices 1K by thinking effort and publishes no 2K price: left out, never guessed.
    price: { perThinking: { low: { '1K': 0.021 }, medium: { '1K': 0.022 }, high: { '1K': 0.025 } } },
    limits: { ...RIVERFLOW_1_LIMITS, maxReferences: 4 },
    borrowed: `${BORROWED_2} At most 4 references (a third party’s defaults for 2.5 Fast; Runware’s page is silent).`,
    choices: { thinking: ['low', 'medium', 'high'], background: true },
  },
];

export const DEFAULT_MODEL: RiverflowModel = MODELS[0]!;

/** The model with this id; an unknown or missing one (a retired id in old settings) is the default. */
export function modelOf(id: string | undefined): RiverflowModel {
  return knownModel(id) ?? DEFAULT_MODEL;
}

/** The model with this id, or undefined (the upscaler's id on an upscaled result, a retired id). */
export function knownModel(id: string | undefined): RiverflowModel | undefined {
  return MODELS.find((m) => m.id === id);
}

export function tiersOf(model: RiverflowModel): Tier[] {
  return [...new Set(model.sizes.map((s) => s.tier))];
}

/** The model's own size for this width and height, if it offers it. */
export function sizeOf(model: RiverflowModel, width: number, height: number): SizePreset | undefined {
  return findPreset(width, height, model.sizes);
}

/** Matched to a frame within the model's ratios, at `tier` where the model has it. */
export function matchSize(model: RiverflowModel, width: number, height: number, tier?: Tier): SizePreset {
  return matchPreset(width, height, model.sizes, tier);
}

/**
 * The size on another model after a switch: the same ratio and tier where it has them; else
 * its nearest ratio at that tier, or at its highest tier below (2.0 Pro's 4K on Fast is 2K).
 */
export function carrySize(size: SizePreset, to: RiverflowModel): SizePreset {
  const tiers = tiersOf(to);
  const order: Tier[] = ['1K', '2K', '4K'];
  const tier = tiers.includes(size.tier) ? size.tier : (tiers.filter((t) => order.indexOf(t) < order.indexOf(size.tier)).pop() ?? tiers[0]!);
  return to.sizes.find((s) => s.ratio === size.ratio && s.tier === tier) ?? matchPreset(size.width, size.height, to.sizes, tier);
}

/**
 * What one image of this size costs on this model, in USD (before Runware's actual `cost`);
 * undefined where the page publishes no price (2.5 Fast at 2K): said in words, never invented.
 */
export function pricePerImage(model: RiverflowModel, size: { tier: Tier; width: number; height: number }, thinking?: Thinking): number | undefined {
  const price = model.price;
  if ('perMegapixel' in price) return roundUsd((price.perMegapixel * size.width * size.height) / (1024 * 1024));
  if ('perThinking' in price) return price.perThinking[thinking ?? DEFAULT_THINKING][size.tier];
  return price.perImage[size.tier];
}

export function estimateUsd(model: RiverflowModel, size: SizePreset, images: number, thinking?: Thinking): number | undefined {
  const each = pricePerImage(model, size, thinking);
  return each === undefined ? undefined : roundUsd(each * images);
}

/** Every price the model's page publishes, over its sizes and thinking levels: for "from $0.02". */
export function publishedPrices(model: RiverflowModel): number[] {
  const levels = model.choices?.thinking ?? [undefined];
  return model.sizes.flatMap((s) => levels.map((t) => pricePerImage(model, s, t))).filter((p): p is number => p !== undefined);
}
