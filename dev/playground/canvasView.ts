import { nodeSvg } from '../fake-figma/artworkSvg.ts';
import type { FakeHost } from '../fake-figma/figma.ts';
import type { FakeSceneNode } from '../fake-figma/nodes.ts';

/**
 * The playground's canvas: the current page's top-level nodes (a section with its own frames
 * inside), scaled to fit, redrawn when anything changes; click selects, as on Figma's canvas.
 */
export function createCanvasView(host: FakeHost, world: HTMLElement, canvasEl: HTMLElement) {
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
  /** Shapes drawn on a frame (markers) can be clicked on their own, as layers are in Figma; locked ones cannot. */
  function shapeLayers(frame: FakeSceneNode, selected: ReadonlySet<string>, scale: number): HTMLElement[] {
    return frame.children
      .filter((c) => c.visible && !c.locked && ['RECTANGLE', 'ELLIPSE', 'VECTOR'].includes(c.type))
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
        nodes.map((n) => [
          n.id,
          n.x,
          n.y,
          n.width,
          n.height,
          n.name,
          selected.has(n.id),
          n.children.map((c) => [c.id, c.x, c.y, c.width, c.visible, selected.has(c.id)]),
        ]),
      );
    if (sig === signature) return;
    signature = sig;
    // Fits every frame, or only those whose names start with the focus (for close-up screenshots).
    const framed = focus ? nodes.filter((n) => n.name.startsWith(focus!)) : nodes;
    const minX = Math.min(...framed.map((n) => n.x)) - 100;
    const minY = Math.min(...framed.map((n) => n.y)) - 200;
    const maxX = Math.max(...framed.map((n) => n.x + n.width)) + 100;
    // Room at the bottom for the help line.
    const maxY = Math.max(...framed.map((n) => n.y + n.height)) + 160;
    const scale = Math.min(canvasEl.clientWidth / (maxX - minX), canvasEl.clientHeight / (maxY - minY));
    world.style.transform = `scale(${scale}) translate(${-minX}px, ${-minY}px)`;
    world.replaceChildren(...nodes.map((n) => nodeElement(n, selected, scale)));
  }
  /** A node on the canvas; a section is drawn as its area with its own frames inside, each clickable. */
  function nodeElement(n: FakeSceneNode, selected: ReadonlySet<string>, scale: number): HTMLElement {
    const el = document.createElement('div');
    el.className = `node${selected.has(n.id) ? ' selected' : ''}`;
    el.dataset.name = n.name;
    el.dataset.id = n.id;
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', n.name);
    el.setAttribute('aria-pressed', String(selected.has(n.id)));
    Object.assign(el.style, { left: `${n.x}px`, top: `${n.y}px`, width: `${n.width}px`, height: `${n.height}px`, outlineWidth: `${2 / scale}px` });
    const label = document.createElement('span');
    label.className = 'name';
    label.textContent = n.name;
    label.style.transform = `scale(${1 / scale})`;
    if (n.type === 'SECTION') {
      el.classList.add('section');
      el.removeAttribute('role');
      el.append(label, ...n.children.filter((c) => !c.removed).map((c) => nodeElement(c, selected, scale)));
      return el;
    }
    const img = document.createElement('img');
    img.src = imageUrl(n);
    img.alt = '';
    el.append(label, img, ...shapeLayers(n, selected, scale));
    el.addEventListener('click', (e) => {
      e.stopPropagation();
      pick(n, e.shiftKey);
    });
    return el;
  }
  canvasEl.addEventListener('click', (e) => {
    if (e.target === canvasEl || e.target === world) host.select([]);
  });
  return {
    draw,
    focus(prefix: string | null) {
      focus = prefix;
      draw();
    },
  };
}
