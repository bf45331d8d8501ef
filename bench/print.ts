/** How the bench prints: one figure per line, beside its goal. */
export const line = (...parts: (string | number)[]) => console.log(parts.join('  '));
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const percentile = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
