/** The 11 output sizes Riverflow 1.1 Pro accepts (model page, "Compatibility & Validation"). */
export interface SizePreset {
  /** Runware's configuration name, e.g. `1K (4:3)`. */
  readonly name: string;
  readonly ratio: string;
  readonly width: number;
  readonly height: number;
}

export const SIZE_PRESETS: readonly SizePreset[] = [
  { name: '1K (1:1)', ratio: '1:1', width: 1024, height: 1024 },
  { name: '1K (4:3)', ratio: '4:3', width: 1152, height: 864 },
  { name: '1K (3:4)', ratio: '3:4', width: 864, height: 1152 },
  { name: '1K (16:9)', ratio: '16:9', width: 1280, height: 720 },
  { name: '1K (9:16)', ratio: '9:16', width: 720, height: 1280 },
  { name: '1K (3:2)', ratio: '3:2', width: 1248, height: 832 },
  { name: '1K (2:3)', ratio: '2:3', width: 832, height: 1248 },
  { name: '1K (7:3)', ratio: '7:3', width: 1512, height: 648 },
  { name: '1K (3:7)', ratio: '3:7', width: 648, height: 1512 },
  { name: '1K (9:7)', ratio: '9:7', width: 1152, height: 896 },
  { name: '1K (7:9)', ratio: '7:9', width: 896, height: 1152 },
];

export const DEFAULT_PRESET: SizePreset = SIZE_PRESETS[0]!;

/** Label shown in the Size control: `4:3 · 1152×864`. */
export function presetLabel(preset: SizePreset): string {
  return `${preset.ratio} · ${preset.width}×${preset.height}`;
}

export function findPreset(width: number, height: number): SizePreset | undefined {
  return SIZE_PRESETS.find((p) => p.width === width && p.height === height);
}

/**
 * The preset nearest in aspect ratio. Ratios are compared in log space so that
 * 2:1 and 1:2 are equally far from 1:1 (a plain difference favours landscape).
 * Ties go to the earlier preset in the table.
 */
export function matchPreset(width: number, height: number): SizePreset {
  if (!(width > 0 && height > 0) || !Number.isFinite(width / height)) return DEFAULT_PRESET;
  const target = Math.log(width / height);
  let best = DEFAULT_PRESET;
  let bestDistance = Infinity;
  for (const preset of SIZE_PRESETS) {
    const distance = Math.abs(Math.log(preset.width / preset.height) - target);
    if (distance < bestDistance - 1e-12) {
      best = preset;
      bestDistance = distance;
    }
  }
  return best;
}
