/** Runware's resolution tiers: each Riverflow model offers some of them. */
export type Tier = '1K' | '2K' | '4K';

/** One output size a model accepts (its page's "Compatibility & Validation" table). */
export interface SizePreset {
  /** Runware's configuration name, e.g. `2K (4:3)`. */
  readonly name: string;
  readonly ratio: string;
  readonly tier: Tier;
  readonly width: number;
  readonly height: number;
}

/** Builds a size table from `tier → ratio → [width, height]` rows, in the page's order. */
export function sizeTable(rows: Partial<Record<Tier, readonly (readonly [string, number, number])[]>>): SizePreset[] {
  return (Object.entries(rows) as [Tier, readonly (readonly [string, number, number])[]][]).flatMap(([tier, sizes]) =>
    sizes.map(([ratio, width, height]) => ({ name: `${tier} (${ratio})`, ratio, tier, width, height })),
  );
}

/** The 11 sizes of Riverflow 1.1 Pro's page (also 1.1's and 1.1 Mini's): 1K only. */
export const SIZE_PRESETS: readonly SizePreset[] = sizeTable({
  '1K': [
    ['1:1', 1024, 1024],
    ['4:3', 1152, 864],
    ['3:4', 864, 1152],
    ['16:9', 1280, 720],
    ['9:16', 720, 1280],
    ['3:2', 1248, 832],
    ['2:3', 832, 1248],
    ['7:3', 1512, 648],
    ['3:7', 648, 1512],
    ['9:7', 1152, 896],
    ['7:9', 896, 1152],
  ],
});

/** Label shown in the Size control: `1K · 4:3 · 1152×864`. */
export function presetLabel(preset: SizePreset): string {
  return `${preset.tier} · ${preset.ratio} · ${preset.width}×${preset.height}`;
}

export function findPreset(width: number, height: number, presets: readonly SizePreset[] = SIZE_PRESETS): SizePreset | undefined {
  return presets.find((p) => p.width === width && p.height === height);
}

/**
 * The preset nearest in aspect ratio, at `tier` where the table has it (else its first tier).
 * Ratios are compared in log space so that 2:1 and 1:2 are equally far from 1:1 (a plain
 * difference favours landscape). Ties go to the earlier preset in the table.
 */
export function matchPreset(width: number, height: number, presets: readonly SizePreset[] = SIZE_PRESETS, tier?: Tier): SizePreset {
  const inTier = presets.filter((p) => p.tier === (tier && presets.some((q) => q.tier === tier) ? tier : presets[0]!.tier));
  const fallback = inTier[0]!;
  if (!(width > 0 && height > 0) || !Number.isFinite(width / height)) return fallback;
  const target = Math.log(width / height);
  let best = fallback;
  let bestDistance = Infinity;
  for (const preset of inTier) {
    const distance = Math.abs(Math.log(preset.width / preset.height) - target);
    if (distance < bestDistance - 1e-12) {
      best = preset;
      bestDistance = distance;
    }
  }
  return best;
}
