import { existsSync, readFileSync } from 'node:fs';
import vm from 'node:vm';
import { createFakeFigma, type FakeHost } from '../../dev/fake-figma/figma.ts';
import type { ExportRenderer } from '../../dev/fake-figma/nodes.ts';
import { sharpRenderer } from '../../dev/fake-figma/renderWithSharp.ts';
import type { ToMain, ToMainRequest } from '../../core/protocol/toMain.ts';
import { ToUISchema, type ToUI } from '../../core/protocol/toUI.ts';

export interface BootedPlugin {
  readonly host: FakeHost;
  readonly sent: ToUI[];
  /** Sends a UI message and waits for the reply with the same id. */
  ask(message: ToMainRequest): Promise<Extract<ToUI, { type: 'reply' }>>;
  tell(message: ToMain): void;
  /** Resolves once the plugin has shown its UI (and so listens to it and to selection changes). */
  ready(): Promise<void>;
  /** Closes the plugin and runs dist/code.js afresh on the host's (current) document, as reopening does. */
  reopen(command?: string): void;
  waitFor<T extends ToUI['type']>(type: T, predicate?: (m: Extract<ToUI, { type: T }>) => boolean): Promise<Extract<ToUI, { type: T }>>;
}

/**
 * Runs the built dist/code.js, as Figma would, against the fake host. Every message the
 * plugin posts is checked against the protocol schema, so a malformed one fails the test.
 */
export function bootPlugin(
  options: {
    storage?: Record<string, unknown>;
    /** Another window's clientStorage (host.storage of a plugin open in another file): the two share it. */
    sharedStorage?: Map<string, unknown>;
    setup?: (host: FakeHost) => void;
    command?: string;
    parameters?: Record<string, unknown>;
    missingFonts?: string[];
    render?: ExportRenderer;
  } = {},
): BootedPlugin {
  const sent: ToUI[] = [];
  const waiters: (() => void)[] = [];
  // The iframe exists once figma.showUI ran: a UI cannot speak before that, so neither does the test.
  let uiShown: () => void = () => {};
  let shown = new Promise<void>((resolve) => (uiShown = resolve));
  const host = createFakeFigma({
    onShowUI: () => uiShown(),
    render: options.render ?? sharpRenderer(),
    ...(options.storage ? { storage: options.storage } : {}),
    ...(options.sharedStorage ? { sharedStorage: options.sharedStorage } : {}),
    ...(options.missingFonts ? { missingFonts: options.missingFonts } : {}),
    toUI: (m) => {
      sent.push(ToUISchema.parse(m));
      waiters.splice(0).forEach((w) => w());
    },
  });
  options.setup?.(host);
  // `npm test` builds first; rebuilding here would rewrite dist/ under the browser tests' feet.
  const codeUrl = new URL('../../dist/code.js', import.meta.url);
  if (!existsSync(codeUrl)) throw new Error('dist/code.js is missing: run `node build.mjs` (npm test does) first');
  const code = readFileSync(codeUrl, 'utf8');
  const start = (command: string, parameters?: Record<string, unknown>) => {
    // Exactly the globals Figma's main thread has: no URL, TextEncoder, structuredClone, crypto, queueMicrotask.
    vm.runInNewContext(code, {
      figma: host.figma,
      __html__: '<html></html>',
      __uiFiles__: {},
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      fetch,
    });
    // Figma fires `run` once the code has loaded, with the menu command and any parameters.
    host.run(command, parameters);
  };
  start(options.command ?? '', options.parameters);
  const waitFor = <T extends ToUI['type']>(type: T, predicate: (m: Extract<ToUI, { type: T }>) => boolean = () => true) =>
    new Promise<Extract<ToUI, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} message`)), 10_000);
      const check = () => {
        const found = sent.find((m): m is Extract<ToUI, { type: T }> => m.type === type && predicate(m as Extract<ToUI, { type: T }>));
        if (found) {
          clearTimeout(timer);
          sent.splice(sent.indexOf(found), 1);
          resolve(found);
        } else waiters.push(check);
      };
      check();
    });
  return {
    host,
    sent,
    ready: () => shown.then(() => undefined),
    tell: (m) => void shown.then(() => host.fromUI(m)),
    reopen: (command = '') => {
      host.close();
      host.restart();
      shown = new Promise<void>((resolve) => (uiShown = resolve));
      start(command);
    },
    ask: (m) => {
      void shown.then(() => host.fromUI(m));
      return waitFor('reply', (r) => r.id === m.id);
    },
    waitFor,
  };
}
