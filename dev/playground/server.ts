import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import * as esbuild from 'esbuild';
import { EMULATOR_API_KEY, startEmulator, type Emulator } from '../emulator/server.ts';
import { pluginCsp, type Manifest } from './csp.ts';
import type { Timing } from '../../core/records/devEndpoints.ts';

const root = path.resolve(import.meta.dirname, '../..');

export interface PlaygroundConfig {
  /** Runware endpoints the plugin is pointed at; null means the real API. */
  readonly endpoints: { rest: string; ws: string; timing?: Timing } | null;
  /** Seeded into the fake clientStorage on a fresh start (the emulator's key, or RUNWARE_API_KEY). */
  readonly apiKey?: string;
}

export interface Playground {
  readonly url: string;
  close(): Promise<void>;
}

/** Figma's theme variables, put on <html> the way Figma does with themeColors: true. */
async function themeCss(): Promise<string> {
  const css = await readFile(path.join(root, 'node_modules/@create-figma-plugin/ui/lib/css/theme.css'), 'utf8');
  return css
    .replace(':root .figma-light', 'html.figma-light')
    .replace(':root .figma-dark', 'html.figma-dark')
    .replace(/:root \.figjam[\s\S]*$/, '');
}

async function hostBundle(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'dev/playground/host.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome110',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/**
 * Serves the Figma stand-in: the host page (canvas + fake figma running the real
 * dist/code.js) and dist/ui.html in a sandboxed null-origin iframe under the manifest's CSP.
 */
export async function startPlayground(config: PlaygroundConfig, port = 0): Promise<Playground> {
  const manifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8')) as Manifest;
  const extraHosts = config.endpoints ? [new URL(config.endpoints.rest).origin, new URL(config.endpoints.ws).origin] : [];
  // Figma adds devAllowedDomains while developing; the playground adds the emulator it runs.
  const csp = pluginCsp([...new Set([...manifest.networkAccess.allowedDomains, ...extraHosts])]);
  const [hostJs, theme] = await Promise.all([hostBundle(), themeCss()]);
  const page = (await readFile(path.join(root, 'dev/playground/index.html'), 'utf8')).replace('/*HOST*/', () => hostJs);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    try {
      if (url.pathname === '/') return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
      if (url.pathname === '/config.json') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(config));
      if (url.pathname === '/plugin/code.js') {
        return void res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' }).end(await readFile(path.join(root, 'dist/code.js')));
      }
      if (url.pathname === '/plugin/ui.html') {
        const themeName = url.searchParams.get('theme') === 'dark' ? 'figma-dark' : 'figma-light';
        const html = (await readFile(path.join(root, 'dist/ui.html'), 'utf8'))
          .replace('<html lang="en">', `<html lang="en" class="${themeName}">`)
          .replace('<head>', () => `<head><style>${theme}</style>`);
        return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' }).end(html);
      }
      res.writeHead(404).end('not found');
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// `npm start`: the emulator on 127.0.0.1:8787 (the manifest's devAllowedDomains) and the playground on :8788.
/** One line instead of a stack trace when a port is taken. */
async function listening<T>(what: string, port: number, variable: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    console.error(`Port ${port} (${what}) is busy: stop whatever uses it, or choose another with ${variable}=<port> npm start.`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const realKey = process.env.RUNWARE_API_KEY;
  const emulatorPort = Number(process.env.EMULATOR_PORT ?? 8787);
  const playgroundPort = Number(process.env.PORT ?? 8788);
  let emulator: Emulator | undefined;
  if (!realKey) emulator = await listening('the Runware emulator', emulatorPort, 'EMULATOR_PORT', () => startEmulator({ port: emulatorPort }));
  const playground = await listening('the playground', playgroundPort, 'PORT', () =>
    startPlayground(
      emulator ? { endpoints: { rest: emulator.url, ws: emulator.wsUrl }, apiKey: EMULATOR_API_KEY } : { endpoints: null, apiKey: realKey! },
      playgroundPort,
    ),
  );
  console.log(`Riverflow playground: ${playground.url}`);
  console.log(
    emulator
      ? `Runware emulator:     ${emulator.url} (the playground starts with the emulator's key saved)`
      : 'Calling the real Runware API with RUNWARE_API_KEY.',
  );
}
