/**
 * Pixel work of the area composite, on plain arrays so it runs the same in the iframe and
 * in unit tests: a coverage mask made soft at its edge, and the model's pixels blended
 * over the frame's render by that mask.
 */

/** One pass of a box blur of `radius` along rows (stride 1) or columns (stride `width`), edges clamped. */
function boxPass(src: Float32Array, dst: Float32Array, width: number, height: number, radius: number, horizontal: boolean): void {
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const step = horizontal ? 1 : width;
  const size = 2 * radius + 1;
  for (let line = 0; line < lines; line++) {
    const start = horizontal ? line * width : line;
    const at = (i: number) => src[start + Math.max(0, Math.min(length - 1, i)) * step]!;
    let sum = 0;
    for (let i = -radius; i <= radius; i++) sum += at(i);
    for (let i = 0; i < length; i++) {
      dst[start + i * step] = sum / size;
      sum += at(i + radius + 1) - at(i - radius);
    }
  }
}

/**
 * Softens a coverage mask (1 inside the area, 0 outside) so its edge fades over about
 * `feather` pixels centred on the outline: three box blurs, close to a Gaussian. The blur
 * reaches half the feather along each axis, so beyond that the mask stays exactly 0 outside and
 * exactly 1 inside: the frame's own pixels and the model's are each kept untouched away from the edge.
 */
export function featherMask(mask: Float32Array, width: number, height: number, feather: number): Float32Array {
  const radius = Math.floor(feather / 6);
  if (radius < 1) return mask.slice();
  let a = mask.slice();
  let b = new Float32Array(mask.length);
  for (let pass = 0; pass < 3; pass++) {
    boxPass(a, b, width, height, radius, true);
    [a, b] = [b, a];
    boxPass(a, b, width, height, radius, false);
    [a, b] = [b, a];
  }
  // Sums of ones divided by their count are exact; clamp the rounding noise of partial sums.
  for (let i = 0; i < a.length; i++) a[i] = a[i]! < 1e-6 ? 0 : a[i]! > 1 - 1e-6 ? 1 : a[i]!;
  return a;
}

/** Coverage from a drawn mask's alpha channel (RGBA bytes): 0–1 per pixel. */
export function coverageFromAlpha(rgba: Uint8ClampedArray): Float32Array {
  const out = new Float32Array(rgba.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = rgba[i * 4 + 3]! / 255;
  return out;
}

/**
 * `base` becomes `over` where the mask is 1, stays itself where it is 0, and a mix in between
 * (RGBA bytes of the same size as the mask). Pixels with mask 0 are not written at all.
 */
export function blendByMask(base: Uint8ClampedArray, over: Uint8ClampedArray, mask: Float32Array): void {
  for (let i = 0; i < mask.length; i++) {
    const m = mask[i]!;
    if (m === 0) continue;
    const p = i * 4;
    for (let c = 0; c < 4; c++) base[p + c] = m === 1 ? over[p + c]! : Math.round(base[p + c]! * (1 - m) + over[p + c]! * m);
  }
}
