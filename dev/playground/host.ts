import { createFakeFigma, type FakeHost } from '../fake-figma/figma.ts';
import { nodeSvg } from '../fake-figma/artworkSvg.ts';
import type { ExportRenderer, FakeSceneNode } from '../fake-figma/nodes.ts';
import { MISSING_FONT, SAMPLES } from './samples.ts';
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

  // Canvas drawing: top-level nodes, scaled to fit, redrawn when anything changes.
  const world = document.getElementById('world')!;
  const canvasEl = document.getElementById('canvas')!;
  const urls = new Map<string, string>();
  let signature = '';
  function imageUrl(node: FakeSceneNode): string {
    const fill = node.fills.find((f): f is ImagePaint => f.type === 'IMAGE');
    // A frame with layers (a sample, a result with live text) is drawn whole; a bare image as its bytes.
    const layered = node.children.length > 0;
    const key =
      !layered && fill?.imageHash
        ? fill.imageHash
        : `svg:${node.id}:${node.width}x${node.height}:${fill?.imageHash ?? ''}:${node.children.map((c) => `${c.id}${c.visible}`).join()}`;
    if (!urls.has(key)) {
      const bytes = !layered && fill?.imageHash ? host.images.get(fill.imageHash) : undefined;
      const blob = bytes ? new Blob([bytes as BlobPart]) : new Blob([nodeSvg(node, host.images)], { type: 'image/svg+xml' });
      urls.set(key, URL.createObjectURL(blob));
    }
    return urls.get(key)!;
  }
  /** Click selects, shift-click adds or removes: as on Figma's canvas. */
  function pick(node: FakeSceneNode, shift: boolean) {
    const current = host.page.selection;
    host.select(shift ? (current.some((c) => c.id === node.id) ? current.filter((c) => c.id !== node.id) : [...current, node]) : [node]);
  }
  /** Shapes drawn on a frame (markers) can be clicked on their own, as layers are in Figma. */
  function shapeLayers(frame: FakeSceneNode, selected: ReadonlySet<string>, scale: number): HTMLElement[] {
    return frame.children
      .filter((c) => c.visible && ['RECTANGLE', 'ELLIPSE', 'VECTOR'].includes(c.type))
      .map((c) => {
        const el = document.createElement('div');
        el.className = `layer${selected.has(c.id) ? ' selected' : ''}${c.type === 'ELLIPSE' ? ' round' : ''}`;
        el.dataset.name = c.name;
        el.setAttribute('role', 'button');
        el.setAttribute('aria-label', `${c.name} on ${frame.name}`);
        el.setAttribute('aria-pressed', String(selected.has(c.id)));
        Object.assign(el.style, { left: `${c.x}px`, top: `${c.y}px`, width: `${c.width}px`, height: `${c.height}px`, outlineWidth: `${2 / scale}px` });
        el.addEventListener('click', (e) => {
          e.stopPropagation();
          pick(c, e.shiftKey);
        });
        return el;
      });
  }
  let focus: string | null = null;
  function draw() {
    const nodes = host.page.children.filter((n) => !n.removed);
    const selected = new Set(host.page.selection.map((n) => n.id));
    const sig =
      focus +
      JSON.stringify(
        nodes.map((n) => [n.id, n.x, n.y, n.width, n.height, n.name, selected.has(n.id), n.children.map((c) => [c.id, c.visible, selected.has(c.id)])]),
      );
    if (sig === signature) return;
    signature = sig;
    // Fits every frame, or only those whose names start with the focus (for close-up screenshots).
    const framed = focus ? nodes.filter((n) => n.name.startsWith(focus!)) : nodes;
    const minX = Math.min(...framed.map((n) => n.x)) - 100;
    const minY = Math.min(...framed.map((n) => n.y)) - 200;
    const maxX = Math.max(...framed.map((n) => n.x + n.width)) + 100;
    const maxY = Math.max(...framed.map((n) => n.y + n.height)) + 100;
    const scale = Math.min(canvasEl.clientWidth / (maxX - minX), canvasEl.clientHeight / (maxY - minY));
    world.style.transform = `scale(${scale}) translate(${-minX}px, ${-minY}px)`;
    world.replaceChildren(
      ...nodes.map((n) => {
        const el = document.createElement('div');
        el.className = `node${selected.has(n.id) ? ' selected' : ''}`;
        el.dataset.name = n.name;
        el.dataset.id = n.id;
        el.setAttribute('role', 'button');
        el.setAttribute('aria-label', n.name);
        el.setAttribute('aria-pressed', String(selected.has(n.id)));
        Object.assign(el.style, { left: `${n.x}px`, top: `${n.y}px`, width: `${n.width}px`, height: `${n.height}px`, outlineWidth: `${2 / scale}px` });
        const img = document.createElement('img');
        img.src = imageUrl(n);
        img.alt = '';
        const label = document.createElement('span');
        label.className = 'name';
        label.textContent = n.name;
        label.style.transform = `scale(${1 / scale})`;
        el.append(label, img, ...shapeLayers(n, selected, scale));
        el.addEventListener('click', (e) => pick(n, e.shiftKey));
        return el;
      }),
    );
  }
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
  canvasEl.addEventListener('click', (e) => {
    if (e.target === canvasEl || e.target === world) host.select([]);
  });

  // For tests and the curious: the host's state, read-only in spirit.
  Object.assign(window, {
    playground: {
      get host() {
        return host;
      },
      reopen,
      /** Zooms the canvas onto the frames whose names start with `prefix` (null: everything). */
      focus: (prefix: string | null) => {
        focus = prefix;
        draw();
      },
      quickEdit,
      /** Top-level frames by name, or a layer inside one as "Frame/Layer". */
      selectByName: (names: string[]) =>
        host.select(
          names.map((n) => {
            const [frame, layer] = n.split('/');
            const top = host.page.children.find((c) => c.name === frame)!;
            return layer ? top.children.find((c) => c.name === layer)! : top;
          }),
        ),
    },
  });
  await openPlugin();
  draw();
}

void main();
