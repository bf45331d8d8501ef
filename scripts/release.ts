/**
 * `npm run release -- --id <the numeric id Figma assigns>`: builds, writes release/ (the release
 * manifest with that id in place of the development one, beside code.js and ui.html) and checks
 * it for publishing. Fails with a one-line reason. `--manifest <file>` checks another manifest.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { releaseProblem } from './releaseCheck.ts';

function fail(reason: string): never {
  console.error(`release: ${reason}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const id = option('id');
if (!id) fail('give the numeric plugin id Figma assigned: npm run release -- --id <id>');
const source = option('manifest') ?? 'manifest.json';
const manifest = JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>;
const release = { ...manifest, id, main: 'code.js', ui: 'ui.html' };
const problem = releaseProblem(release);
if (problem) fail(problem);
const out = path.resolve('release');
mkdirSync(out, { recursive: true });
execFileSync(process.execPath, ['build.mjs', '--out', out], { stdio: 'inherit' });
writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(release, null, 2)}\n`);
console.log(`release: release/manifest.json with id ${id} is ready to publish (import it in Figma, then Publish).`);
