import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
const anchors = (file: string) =>
  new Set(
    text(file)
      .replace(/```[\s\S]*?```/g, '')
      .split('\n')
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => slug(l.replace(/^#+ /, ''))),
  );
/** Every relative link and image target of a Markdown file (outside code blocks). */
const links = (file: string) =>
  [
    ...text(file)
      .replace(/```[\s\S]*?```/g, '')
      .matchAll(/\]\(([^)\s]+)\)/g),
  ]
    .map((m) => m[1]!)
    .filter((l) => !/^[a-z]+:/i.test(l));

describe('the docs a newcomer reads', () => {
  it('the README stays short and starts with the two commands', () => {
    const readme = text('README.md').split('\n');
    expect(readme.length).toBeLessThanOrEqual(150);
    expect(readme.slice(2, 6).join('\n')).toMatch(/^```sh\nnpm ci && npm start .*\nnpm ci && npm test .*\n```$/);
    expect(text('.ci/run')).toMatch(/\nnpm ci && npm test\n?$/);
  });

  it.each(DOCS)('every relative link and image in %s resolves, anchors included', (file) => {
    for (const link of links(file)) {
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path ? normalize(join(dirname(file), path)) : file;
      expect(existsSync(join(ROOT, target)), `${file} → ${link}`).toBe(true);
      if (anchor && target.endsWith('.md')) expect(anchors(target).has(anchor), `${file} → ${link}`).toBe(true);
    }
  });

  it('every screenshot in docs/screenshots is shown somewhere', () => {
    const used = DOCS.flatMap((f) => links(f).map((l) => normalize(join(dirname(f), l.split('#')[0]!))));
    for (const shot of readdirSync(join(ROOT, 'docs/screenshots'))) expect(used, shot).toContain(`docs/screenshots/${shot}`);
  });
});
