/**
 * How much a result differs from its source, as a person sees it: CIEDE2000 colour difference per
 * pixel (sRGB → CIELAB, D65), on plain RGBA arrays so it runs the same in the panel and in tests.
 * A pixel counts as changed from ΔE2000 ≥ 5: about twice what a trained eye just notices side by
 * side, so an image model's faint re-rendering of untouched paper is not "change".
 */
export const CHANGED_DELTA_E = 5;

/** A protected layer given back in a result: its name, and how much of it the model had changed (0–1). */
export interface RestoredLayer {
  readonly name: string;
  readonly drift: number;
}

const linear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const LINEAR = Float64Array.from({ length: 256 }, (_, i) => linear(i));
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (t * 24389) / 27 / 116 + 16 / 116);

/** sRGB bytes → CIELAB (D65 white). */
export function labOf(r: number, g: number, b: number): [number, number, number] {
  const R = LINEAR[r]!;
  const G = LINEAR[g]!;
  const B = LINEAR[b]!;
  const x = f((0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / 0.95047);
  const y = f(0.2126729 * R + 0.7151522 * G + 0.072175 * B);
  const z = f((0.0193339 * R + 0.119192 * G + 0.9503041 * B) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const rad = Math.PI / 180;
/** CIEDE2000 between two CIELAB colours (Sharma, Wu & Dalal's formulation). */
export function deltaE2000(p: ArrayLike<number>, q: ArrayLike<number>): number {
  return deltaE2000Of(p[0]!, p[1]!, p[2]!, q[0]!, q[1]!, q[2]!);
}

const POW25_7 = 25 ** 7;
const TWO_PI = 2 * Math.PI;
/** Hue angle in radians, 0–2π; 0 for a grey. */
const hue = (b: number, a: number) => (b === 0 && a === 0 ? 0 : Math.atan2(b, a) + (b < 0 ? TWO_PI : 0));

// Written out in radians and without powers or closures: it runs once per pixel, tens of thousands of times a result.
function deltaE2000Of(L1: number, a1: number, b1: number, L2: number, a2: number, b2: number): number {
  if (L1 === L2 && a1 === a2 && b1 === b2) return 0;
  const Cm = (Math.sqrt(a1 * a1 + b1 * b1) + Math.sqrt(a2 * a2 + b2 * b2)) / 2;
  const Cm7 = Cm * Cm * Cm * Cm * Cm * Cm * Cm;
  const G = 0.5 * (1 - Math.sqrt(Cm7 / (Cm7 + POW25_7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.sqrt(a1p * a1p + b1 * b1);
  const C2p = Math.sqrt(a2p * a2p + b2 * b2);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  const chroma = C1p * C2p !== 0;
  let dhp = 0;
  if (chroma) {
    dhp = h2p - h1p;
    if (dhp > Math.PI) dhp -= TWO_PI;
    else if (dhp < -Math.PI) dhp += TWO_PI;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin(dhp / 2);
  const Lm = (L1 + L2) / 2;
  const Cmp = (C1p + C2p) / 2;
  let hm = h1p + h2p;
  if (chroma) hm = Math.abs(h1p - h2p) <= Math.PI ? hm / 2 : hm < TWO_PI ? (hm + TWO_PI) / 2 : (hm - TWO_PI) / 2;
  const T = 1 - 0.17 * Math.cos(hm - 30 * rad) + 0.24 * Math.cos(2 * hm) + 0.32 * Math.cos(3 * hm + 6 * rad) - 0.2 * Math.cos(4 * hm - 63 * rad);
  const t = (hm / rad - 275) / 25;
  const dTheta = 30 * Math.exp(-(t * t));
  const Cmp7 = Cmp * Cmp * Cmp * Cmp * Cmp * Cmp * Cmp;
  const Rc = 2 * Math.sqrt(Cmp7 / (Cmp7 + POW25_7));
  const l50 = (Lm - 50) * (Lm - 50);
  const Sl = 1 + (0.015 * l50) / Math.sqrt(20 + l50);
  const Sc = 1 + 0.045 * Cmp;
  const Sh = 1 + 0.015 * Cmp * T;
  const Rt = -Math.sin(2 * dTheta * rad) * Rc;
  const l = dLp / Sl;
  const c = dCp / Sc;
  const h = dHp / Sh;
  return Math.sqrt(l * l + c * c + h * h + Rt * c * h);
}

/** Each pixel of an RGBA image in CIELAB (alpha composited over white first): computed once per image. */
export function labPixels(rgba: Uint8ClampedArray): Float32Array {
  const n = rgba.length / 4;
  const out = new Float32Array(n * 3);
  // Flat areas repeat one colour pixel after pixel: its conversion is reused.
  let last = -1;
  let lab: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const p = i * 4;
    const [r, g, b] = rgba[p + 3] === 255 ? [rgba[p]!, rgba[p + 1]!, rgba[p + 2]!] : overWhite(rgba, p);
    const key = (r << 16) | (g << 8) | b;
    if (key !== last) {
      lab = labOf(r, g, b);
      last = key;
    }
    out[i * 3] = lab[0];
    out[i * 3 + 1] = lab[1];
    out[i * 3 + 2] = lab[2];
  }
  return out;
}

/** ΔE2000 per pixel between two images of the same size, each RGBA bytes or already in CIELAB (labPixels: a source measured against many results). */
export function deltaMap(a: Uint8ClampedArray | Float32Array, b: Uint8ClampedArray | Float32Array): Float32Array {
  const la = a instanceof Float32Array ? a : labPixels(a);
  const lb = b instanceof Float32Array ? b : labPixels(b);
  const out = new Float32Array(la.length / 3);
  for (let i = 0; i < out.length; i++) {
    const j = i * 3;
    out[i] = deltaE2000Of(la[j]!, la[j + 1]!, la[j + 2]!, lb[j]!, lb[j + 1]!, lb[j + 2]!);
  }
  return out;
}

/**
 * The share (0–1) of the counted pixels that changed: all of them, or all but an excluded box
 * (what an area edit was asked to change).
 */
export function changedShare(map: Float32Array, width: number, options: { exclude?: { x: number; y: number; width: number; height: number } } = {}): number {
  let counted = 0;
  let changed = 0;
  const ex = options.exclude;
  for (let i = 0; i < map.length; i++) {
    if (ex) {
      const x = i % width;
      const y = Math.floor(i / width);
      if (x >= ex.x && x < ex.x + ex.width && y >= ex.y && y < ex.y + ex.height) continue;
    }
    counted++;
    if (map[i]! >= CHANGED_DELTA_E) changed++;
  }
  return counted ? changed / counted : 0;
}

/**
 * The share (0–1) of the pixels where `inside` is 1 that changed between two RGBA images of the same
 * size: a protected layer's drift. Sampled on an even grid of at most about `budget` pixels (a share
 * to about a percent, as it is said), so a layer costs the same at 1K and at 4K; only the layer's own
 * pixels are converted.
 */
export function changedInside(a: Uint8ClampedArray, b: Uint8ClampedArray, width: number, inside: Float32Array, budget = 4096): number {
  const height = inside.length / width;
  const step = Math.max(1, Math.floor(Math.sqrt(inside.length / budget)));
  let counted = 0;
  let changed = 0;
  for (let y = 0; y < height; y += step)
    for (let x = 0; x < width; x += step) {
      const i = y * width + x;
      if (inside[i] !== 1) continue;
      const p = i * 4;
      const [L1, A1, B1] = labOf(...overWhite(a, p));
      const [L2, A2, B2] = labOf(...overWhite(b, p));
      counted++;
      if (deltaE2000Of(L1, A1, B1, L2, A2, B2) >= CHANGED_DELTA_E) changed++;
    }
  return counted ? changed / counted : 0;
}

/** One RGBA pixel over white, as labPixels sees it. */
function overWhite(rgba: Uint8ClampedArray, p: number): [number, number, number] {
  const k = rgba[p + 3]! / 255;
  const white = 255 * (1 - k);
  return [Math.round(rgba[p]! * k + white), Math.round(rgba[p + 1]! * k + white), Math.round(rgba[p + 2]! * k + white)];
}

/** The heat map the compare view lays over a result: clear where nothing changed, warmer and more opaque the more it did. */
export function heatMap(map: Float32Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray(map.length * 4);
  for (let i = 0; i < map.length; i++) {
    const d = map[i]!;
    if (d < CHANGED_DELTA_E) continue;
    const t = Math.min(1, (d - CHANGED_DELTA_E) / 30);
    out.set([255, Math.round(200 * (1 - t)), 0, Math.round(110 + 120 * t)], i * 4);
  }
  return out;
}

/** Results ordered by the change where nothing was asked to change, least first (ties keep their order). */
export function closestFirst<T extends { readonly change?: number }>(results: readonly T[]): T[] {
  return results
    .map((r, i) => ({ r, i }))
    .sort((x, y) => (x.r.change ?? Infinity) - (y.r.change ?? Infinity) || x.i - y.i)
    .map(({ r }) => r);
}

/** "14 %" (under one per cent: one decimal, so a small change is not read as none). */
export function percent(share: number): string {
  const p = share * 100;
  return `${p > 0 && p < 1 ? p.toFixed(1) : Math.round(p)} %`;
}
