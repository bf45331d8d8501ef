import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUNWARE_REST_URL, RUNWARE_WS_URL } from '../../core/runware/endpoints.ts';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));

describe('manifest.json', () => {
  it('allows exactly the Runware hosts the plugin calls, with a reason', () => {
    const called = [RUNWARE_REST_URL, RUNWARE_WS_URL].map((u) => new URL(u).origin);
    expect([...manifest.networkAccess.allowedDomains].sort()).toEqual(called.sort());
    expect(manifest.networkAccess.allowedDomains).not.toContain('*');
    expect(manifest.networkAccess.reasoning).toMatch(/Runware/);
  });

  it('follows the conventions of a current Figma plugin', () => {
    expect(manifest).toMatchObject({ api: '1.0.0', editorType: ['figma'], documentAccess: 'dynamic-page', main: 'dist/code.js', ui: 'dist/ui.html' });
    expect(manifest.relaunchButtons).toEqual([{ command: 'edit', name: 'Edit again', multipleSelection: false }]);
    const quick = manifest.menu.find((m: { command: string }) => m.command === 'quick');
    expect(quick.parameters.map((p: { key: string }) => p.key)).toEqual(['prompt', 'size']);
    expect(quick.parameters[1].optional).toBe(true);
  });
});
