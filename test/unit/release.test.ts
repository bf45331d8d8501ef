import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseProblem } from '../../scripts/releaseCheck.ts';

const root = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));
const release = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/release.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('the release check (what Figma asks of a published plugin)', () => {
  it('passes the project’s manifest with a numeric id, and names what is wrong in one line otherwise', () => {
    const ok = { ...manifest, id: '1234567890123456789' };
    expect(releaseProblem(ok)).toBeUndefined();
    expect(releaseProblem(manifest)).toMatch(/numeric id Figma assigned/);
    const net = (over: object) => ({ ...ok, networkAccess: { ...ok.networkAccess, ...over } });
    expect(releaseProblem(net({ allowedDomains: [...ok.networkAccess.allowedDomains, 'https://im.runware.ai'] }))).toBe(
      'networkAccess.allowedDomains has hosts the plugin does not call: https://im.runware.ai',
    );
    expect(releaseProblem(net({ allowedDomains: ['*'] }))).toMatch(/does not call: \*/);
    expect(releaseProblem(net({ reasoning: '' }))).toMatch(/reasoning/);
    expect(releaseProblem(net({ devAllowedDomains: ['http://192.168.1.5:8787'] }))).toMatch(/loopback hosts only/);
    expect(releaseProblem({ ...ok, documentAccess: undefined })).toMatch(/dynamic-page/);
    expect(releaseProblem({ ...ok, relaunchButtons: [{ command: 'redo', name: 'Redo' }] })).toMatch(/relaunch commands/);
    expect(releaseProblem({ ...ok, menu: ok.menu.slice(0, 1) })).toMatch(/menu commands/);
  });

  it('`npm run release` fails without an id or with an extra host, and with an id writes the release manifest', () => {
    const none = release([]);
    expect(none.status).toBe(1);
    expect(none.stderr.trim().split('\n')).toEqual(['release: give the numeric plugin id Figma assigned: npm run release -- --id <id>']);
    const dir = mkdtempSync(path.join(tmpdir(), 'release-'));
    const extra = path.join(dir, 'manifest.json');
    writeFileSync(
      extra,
      JSON.stringify({
        ...manifest,
        networkAccess: { ...manifest.networkAccess, allowedDomains: [...manifest.networkAccess.allowedDomains, 'https://example.com'] },
      }),
    );
    const bad = release(['--id', '1234567890123456789', '--manifest', extra]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('release: networkAccess.allowedDomains has hosts the plugin does not call: https://example.com');
    const good = release(['--id', '1234567890123456789']);
    expect(good.status, good.stderr).toBe(0);
    const written = JSON.parse(readFileSync(path.join(root, 'release/manifest.json'), 'utf8'));
    expect(written).toMatchObject({ id: '1234567890123456789', main: 'code.js', ui: 'ui.html', documentAccess: 'dynamic-page' });
    expect(readFileSync(path.join(root, 'release/ui.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });
});

describe('the Community listing', () => {
  it('has its icon (128×128) and cover (1920×1080), the listing text, a privacy policy and a support page', async () => {
    const sharp = (await import('sharp')).default;
    expect(await sharp(path.join(root, 'docs/community/icon.png')).metadata()).toMatchObject({ width: 128, height: 128 });
    expect(await sharp(path.join(root, 'docs/community/cover.png')).metadata()).toMatchObject({ width: 1920, height: 1080 });
    const listing = readFileSync(path.join(root, 'docs/community/listing.md'), 'utf8');
    for (const heading of ['## Name', '## Tagline', '## Description', '## Tags', '## Network access', '## Data']) expect(listing).toContain(heading);
    // The listing's network reasoning is the manifest's, word for word.
    expect(listing).toContain(manifest.networkAccess.reasoning);
    expect(readFileSync(path.join(root, 'PRIVACY.md'), 'utf8')).toMatch(/api\.runware\.ai/);
    expect(readFileSync(path.join(root, 'SUPPORT.md'), 'utf8')).toMatch(/what to include/i);
  });
});
