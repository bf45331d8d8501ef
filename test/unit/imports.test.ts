import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Each source's relative imports (types too: a cycle of types is still two modules that need each other). */
function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^import[^'\n]*from '(\.[^']+)'/gm)].map((m) => normalize(join(dirname(file), m[1]!)));
}

describe('the folders show the architecture', () => {
  it('core/ is pure: it imports nothing from plugin/, ui/ or dev/, and no module in it needs itself back', () => {
    const graph = new Map(sources('core').map((f) => [f, imports(f)]));
    const outward = [...graph].flatMap(([f, deps]) => deps.filter((d) => !d.startsWith('core/')).map((d) => `${f} → ${d}`));
    expect(outward).toEqual([]);
    // Depth-first, each module once: a module met again while still on the path closes a cycle.
    const cycles: string[] = [];
    const done = new Set<string>();
    const visit = (node: string, path: string[]) => {
      for (const next of graph.get(node) ?? []) {
        if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
        else if (!done.has(next)) visit(next, [...path, next]);
      }
      done.add(node);
    };
    for (const f of graph.keys()) if (!done.has(f)) visit(f, [f]);
    expect(cycles).toEqual([]);
  });
});
