import { describe, expect, it } from 'vitest';
import { SIZE_PRESETS, findPreset, matchPreset, presetLabel } from '../../core/sizes.ts';

describe('size presets', () => {
  it('lists exactly the 11 sizes of the model page', () => {
    expect(SIZE_PRESETS.map((p) => `${p.width}x${p.height}`)).toEqual([
      '1024x1024',
      '1152x864',
      '864x1152',
      '1280x720',
      '720x1280',
      '1248x832',
      '832x1248',
      '1512x648',
      '648x1512',
      '1152x896',
      '896x1152',
    ]);
    expect(SIZE_PRESETS.map((p) => p.name)).toContain('1K (3:7)');
  });

  it('labels a preset as tier · ratio · width×height', () => {
    expect(presetLabel(findPreset(1152, 864)!)).toBe('1K · 4:3 · 1152×864');
  });

  it.each(SIZE_PRESETS.map((p) => [p.name, p] as const))('matches a frame of exactly %s to itself', (_name, preset) => {
    expect(matchPreset(preset.width, preset.height)).toBe(preset);
    expect(matchPreset(preset.width * 3.5, preset.height * 3.5)).toBe(preset);
  });

  it('picks the nearest ratio in log space for ratios between presets', () => {
    expect(matchPreset(1100, 1000).ratio).toBe('1:1'); // 1.10: nearer 1 than 9:7 (1.286) in log space
    expect(matchPreset(1200, 1000).ratio).toBe('9:7'); // 1.20
    expect(matchPreset(1300, 1000).ratio).toBe('9:7'); // 1.30: log distance 0.011 to 9:7, 0.025 to 4:3
    expect(matchPreset(1310, 1000).ratio).toBe('4:3'); // 1.31: 0.0187 to 9:7, 0.0177 to 4:3
    expect(matchPreset(1400, 1000).ratio).toBe('4:3');
    expect(matchPreset(1450, 1000).ratio).toBe('3:2');
    expect(matchPreset(1650, 1000).ratio).toBe('16:9');
    expect(matchPreset(2000, 1000).ratio).toBe('16:9'); // 2.0: log distance to 1.778 is 0.118, to 2.333 is 0.154
    expect(matchPreset(2100, 1000).ratio).toBe('7:3');
    expect(matchPreset(10000, 100).ratio).toBe('7:3');
    expect(matchPreset(100, 10000).ratio).toBe('3:7');
    expect(matchPreset(1000, 2100).ratio).toBe('3:7');
  });

  it('is symmetric: a portrait frame gets the mirror of its landscape match', () => {
    for (const r of [1.05, 1.2, 1.31, 1.45, 1.6, 1.9, 2.2, 3]) {
      const land = matchPreset(1000 * r, 1000);
      const port = matchPreset(1000, 1000 * r);
      expect([port.width, port.height]).toEqual([land.height, land.width]);
    }
  });

  it('falls back to 1:1 for empty or nonsensical sizes', () => {
    expect(matchPreset(0, 100)).toBe(SIZE_PRESETS[0]);
    expect(matchPreset(NaN, 100)).toBe(SIZE_PRESETS[0]);
    expect(matchPreset(100, -1)).toBe(SIZE_PRESETS[0]);
  });
});
