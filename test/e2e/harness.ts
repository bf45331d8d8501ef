import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { startEmulator, type Emulator } from '../../dev/emulator/server.ts';
import { startPlayground, type Playground } from '../../dev/playground/server.ts';
import type { FakeHost } from '../../dev/fake-figma/figma.ts';
import type { Timing } from '../../core/records/devEndpoints.ts';

/** A well-formed key the emulator accepts (not a real Runware key). */
export { EMULATOR_API_KEY as KEY } from '../../dev/emulator/server.ts';
export const OUTPUT_DIR = new URL('../../test-output/', import.meta.url).pathname;

/** Fast waits so fault tests take seconds; the logic is the same as with the defaults. */
export const TEST_TIMING = { requestTimeoutMs: 1500, pollLimitMs: 20_000, pollScale: 0.05 };

export interface Harness {
  readonly emulator: Emulator;
  readonly playground: Playground;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(timing: Timing = TEST_TIMING): Promise<Harness> {
  const emulator = await startEmulator();
  const playground = await startPlayground({ endpoints: { rest: emulator.url, ws: emulator.wsUrl, timing } });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    // A fresh profile per launch (playwright's default); no background traffic on a closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return {
    emulator,
    playground,
    browser,
    close: async () => {
      await browser.close();
      await playground.close();
      await emulator.close();
    },
  };
}

export interface Session {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly ui: FrameLocator;
  readonly console: string[];
  readonly urls: string[];
  /** Names of the nodes on the page, in order. */
  nodeNames(): Promise<string[]>;
  select(...names: string[]): Promise<void>;
  useKey(key?: string): Promise<void>;
  prompt(text: string): Promise<void>;
  generate(): Promise<void>;
  /** Waits for the error banner (role=alert) and returns what it says. */
  alertText(): Promise<string | null>;
  reopen(): Promise<void>;
  /** Closes the plugin and runs it again with a menu or relaunch command (e.g. `edit`). */
  relaunch(command: string): Promise<void>;
  evaluate<T>(fn: (host: FakeHost) => T | Promise<T>): Promise<T>;
}

declare global {
  interface Window {
    playground: {
      host: FakeHost;
      reopen(command?: string): Promise<void>;
      quickEdit(prompt: string, size?: string): Promise<void>;
      selectByName(names: string[]): void;
      focus(prefix: string | null): void;
    };
  }
}

/** Opens the playground in a fresh browser context: empty clientStorage, a new document. */
export async function openSession(
  h: Harness,
  options: { theme?: 'light' | 'dark'; query?: string; viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const context = await h.browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 860 } });
  const page = await context.newPage();
  const consoleLines: string[] = [];
  const urls: string[] = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('request', (r) => urls.push(r.url()));
  page.on('websocket', (ws) => urls.push(ws.url()));
  await page.goto(`${h.playground.url}?fresh=1&theme=${options.theme ?? 'light'}${options.query ? `&${options.query}` : ''}`);
  const ui = page.frameLocator('iframe[title="Riverflow plugin"]');
  await ui.getByRole('button', { name: 'Generate' }).waitFor();
  const session: Session = {
    page,
    context,
    ui,
    console: consoleLines,
    urls,
    nodeNames: () => page.evaluate(() => window.playground.host.page.children.map((n) => n.name)),
    async select(...names) {
      const selected = () => page.evaluate(() => window.playground.host.page.selection.map((n) => n.name));
      for (const [i, name] of names.entries()) {
        // Each click is seen by the canvas before the next: a click that lands while the canvas redraws
        // (a loaded machine) is lost, and is made again, once it is clear it was lost.
        for (let attempt = 0; ; attempt++) {
          await page.getByRole('button', { name, exact: true }).click({ modifiers: i === 0 ? [] : ['Shift'] });
          const deadline = Date.now() + 5000;
          while (!(await selected()).includes(name) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
          if ((await selected()).includes(name)) break;
          if (attempt === 2) throw new Error(`The canvas did not select “${name}” after three clicks.`);
        }
      }
      // The panel hears of a selection change a moment later, as in Figma: wait until it shows.
      const last = names.at(-1);
      const panelOpen = await page.evaluate(() => !window.playground.host.closed && window.playground.host.uiOptions.value?.visible !== false);
      if (last && panelOpen) await ui.getByRole('region', { name: 'References' }).getByText(last).first().waitFor();
    },
    async useKey(key) {
      const { KEY } = await import('../../dev/emulator/server.ts').then((m) => ({ KEY: m.EMULATOR_API_KEY }));
      await ui.getByLabel('API key').fill(key ?? KEY);
      await ui.getByRole('button', { name: 'Save key' }).click();
      await ui.getByRole('button', { name: 'Change key' }).waitFor();
    },
    async prompt(text) {
      await ui.getByLabel('Prompt', { exact: true }).fill(text);
    },
    async generate() {
      await ui.getByRole('button', { name: 'Generate' }).click();
    },
    async alertText() {
      const alert = ui.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      return alert.textContent();
    },
    async reopen() {
      await page.getByRole('button', { name: 'Close & reopen plugin' }).click();
      await ui.getByRole('button', { name: /Generate|Cancel/ }).waitFor();
    },
    async relaunch(command) {
      await page.evaluate((c) => window.playground.reopen(c), command);
      await ui.getByRole('button', { name: /Generate|Cancel/ }).waitFor();
    },
    evaluate: (fn) => page.evaluate(`(${fn.toString()})(window.playground.host)`) as never,
  };
  return session;
}
