import { createFakeFigma, type FakeHost } from '../fake-figma/figma.ts';
import type { ExportRenderer } from '../fake-figma/nodes.ts';
import { createCanvasView } from './canvasView.ts';
import { nodeSvg } from '../fake-figma/artworkSvg.ts';
import { addRealFile, MISSING_FONT, SAMPLES } from './samples.ts';
import type { PlaygroundConfig } from './server.ts';

/**
 * The browser half of the Figma stand-in: a canvas of sample frames, the real dist/code.js
 * running against the fake `figma`, and dist/ui.html in a sandboxed (null-origin) iframe.
 */
const STORAGE_KEY = 'riverflow-playground-clientStorage';
const params = new URLSearchParams(location.search);
if (params.has('fresh')) localStorage.removeItem(STORAGE_KEY);
// ?colorProfile=p3 opens the sample file as Display P3 (File → Color profile in Figma).
const displayP3 = params.get('colorProfile') === 'p3';

/** exportAsync in the browser: the node's SVG drawn on a canvas at the requested size. */
const canvasRenderer: ExportRenderer = async (node, { format, width, height }, images) => {
  const svg = new Blob([nodeSvg(node, images)], { type: 'image/svg+xml' });
  const img = new Image();
  img.src = URL.createObjectURL(svg);
  await img.decode();
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  if (format === 'JPG') {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
  }
  ctx.drawImage(img, 0, 0, width, height);
  URL.revokeObjectURL(img.src);
  const blob = await canvas.convertToBlob({ type: format === 'JPG' ? 'image/jpeg' : 'image/png', quality: 0.9 });
  return new Uint8Array(await blob.arrayBuffer());
};

async function main() {
  const config = (await (await fetch('/config.json')).json()) as PlaygroundConfig;
  const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Record<string, unknown> | null;
  const seeded: Record<string, unknown> = saved ?? {};
  if (!saved && config.apiKey) seeded.apiKey = config.apiKey;
  // The emulator's address goes where the plugin reads dev overrides; the real API needs none.
  if (config.endpoints) seeded.devEndpoints = config.endpoints;
  else delete seeded.devEndpoints;

  let iframe: HTMLIFrameElement | undefined;
  let theme = params.get('theme') === 'dark' ? 'dark' : 'light';
  const toasts = document.getElementById('toasts')!;

  // clientStorage survives reloads of the page, as Figma keeps it per user and machine.
  const host: FakeHost = createFakeFigma({
    render: canvasRenderer,
    storage: seeded,
    onStorageChange: (all) => localStorage.setItem(STORAGE_KEY, JSON.stringify(all)),
    toUI: (message) => iframe?.contentWindow?.postMessage({ pluginMessage: message }, '*'),
    onShowUI: (options) => showPluginFrame(options?.visible !== false, options),
    onResize: (width, height) => iframe && Object.assign(iframe.style, { width: `${width}px`, height: `${height}px` }),
    // figma.createImageAsync is not a way round CORS (Figma's page on images): fetched here, under CORS.
    fetchImage: async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer()),
    missingFonts: [`${MISSING_FONT.family} ${MISSING_FONT.style}`],
  });
  localStorage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(host.storage)));
  if (displayP3) (host.figma.root as unknown as { documentColorProfile: string }).documentColorProfile = 'DISPLAY_P3';

  // One frame per row with room to the right, where results land.
  let y = 0;
  for (const s of SAMPLES) {
    const frame = host.addFrame(s.name, { x: 0, y, width: s.w, height: s.h }, s.art);
    for (const layer of s.layers ?? []) host.addLayer(frame, layer);
    y += s.h + 300;
  }
  addRealFile(host);

  /** Runs dist/code.js like Figma: its figma.showUI call creates the iframe, after its handlers are set. */
  async function openPlugin(command = '', parameters?: Record<string, unknown>) {
    const code = await (await fetch('/plugin/code.js')).text();
    new Function('figma', '__html__', code)(host.figma, '');
    host.run(command, parameters);
  }

  function showPluginFrame(visible = true, options?: ShowUIOptions) {
    const slot = document.getElementById('frame-slot')!;
    slot.replaceChildren();
    iframe = document.createElement('iframe');
    // Quick actions run the UI unseen, as Figma does with showUI({visible: false}).
    if (!visible) iframe.style.display = 'none';
    // allow-scripts without allow-same-origin: a null origin, as in Figma.
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.title = 'Riverflow plugin';
    if (options?.width && options.height) Object.assign(iframe.style, { width: `${options.width}px`, height: `${options.height}px` });
    iframe.src = `/plugin/ui.html?theme=${theme}`;
    slot.append(iframe);
  }

  window.addEventListener('message', (event) => {
    if (!iframe || event.source !== iframe.contentWindow) return;
    const message = (event.data as { pluginMessage?: unknown } | null)?.pluginMessage;
    if (message !== undefined) host.fromUI(message);
  });

  /** Closing drops the iframe and the plugin's handlers, as Figma does; the document stays. */
  async function reopen(command = '', parameters?: Record<string, unknown>) {
    host.close();
    iframe?.remove();
    iframe = undefined;
    host.restart();
    await openPlugin(command, parameters);
  }

  /** The quick edit: Figma collects the parameters, then starts the plugin with them. */
  async function quickEdit(prompt: string, size?: string) {
    await reopen('quick', size ? { prompt, size } : { prompt });
  }

  document.getElementById('reopen')!.addEventListener('click', () => void reopen());
  document.getElementById('quick')!.addEventListener('click', () => {
    const prompt = window.prompt('Quick edit — Prompt');
    if (prompt) void quickEdit(prompt);
  });
  document.getElementById('theme')!.addEventListener('click', (e) => {
    theme = theme === 'dark' ? 'light' : 'dark';
    (e.currentTarget as HTMLButtonElement).textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
    void reopen();
  });

  const canvas = createCanvasView(host, document.getElementById('world')!, document.getElementById('canvas')!);
  const draw = canvas.draw;
  setInterval(draw, 100);
  let shown = 0;
  setInterval(() => {
    for (const n of host.notifications.slice(shown)) {
      const t = document.createElement('div');
      t.className = `toast${n.error ? ' error' : ''}`;
      t.textContent = n.message;
      toasts.append(t);
      setTimeout(() => t.remove(), 4000);
    }
    shown = host.notifications.length;
  }, 100);

  // For tests and the curious: the host's state, read-only in spirit.
  Object.assign(window, {
    playground: {
      get host() {
        return host;
      },
      reopen,
      /** Zooms the canvas onto the frames whose names start with `prefix` (null: everything). */
      focus: (prefix: string | null) => canvas.focus(prefix),
      quickEdit,
      /** Top-level frames by name, or a layer inside one as "Frame/Layer". */
      selectByName: (names: string[]) =>
        host.select(
          names.map((n) => {
            const [frame, layer] = n.split('/');
            // A frame at the top of the page or inside a section, as the canvas shows them.
            const top = host.page.children.find((c) => c.name === frame) ?? host.page.findAll((c) => c.name === frame)[0]!;
            return layer ? top.children.find((c) => c.name === layer)! : top;
          }),
        ),
    },
  });
  await openPlugin();
  draw();
}

void main();
