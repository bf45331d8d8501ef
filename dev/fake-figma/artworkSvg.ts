import { bytesToBase64 } from '../../ui/base64.ts';
import type { FakeSceneNode } from './nodes.ts';
import type { FakeTextNode } from './text.ts';

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const hex = (c: RGB) =>
  `#${[c.r, c.g, c.b]
    .map((v) =>
      Math.round(v * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

function solidOf(node: FakeSceneNode): { color: string; opacity: number } | undefined {
  const fill = node.fills.find((f): f is SolidPaint => f.type === 'SOLID' && f.visible !== false);
  return fill ? { color: hex(fill.color), opacity: fill.opacity ?? 1 } : undefined;
}

/** Sample packaging-like artwork (shapes and baked-in type) a sample frame is drawn with. */
function artworkSvg(node: FakeSceneNode): string {
  const { width: w, height: h } = node;
  const a = node.artwork!;
  const m = Math.min(w, h);
  const title = Math.max(8, Math.round(m / 9));
  return `<rect width="${w}" height="${h}" fill="${a.background}"/>
  <rect x="0" y="${h * 0.62}" width="${w}" height="${h * 0.12}" fill="${a.accent}"/>
  <circle cx="${w * 0.78}" cy="${h * 0.3}" r="${m * 0.18}" fill="${a.accent}" fill-opacity="0.85"/>
  <rect x="${w * 0.08}" y="${h * 0.12}" width="${w * 0.4}" height="${h * 0.04}" fill="${a.accent}" fill-opacity="0.5"/>
  ${a.title ? `<text x="${w * 0.08}" y="${h * 0.45}" font-family="DejaVu Serif, Georgia, serif" font-weight="bold" font-size="${title}" fill="#222">${esc(a.title)}</text>` : ''}
  ${a.subtitle ? `<text x="${w * 0.08}" y="${h * 0.45 + title * 1.1}" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(title * 0.45)}" fill="#444">${esc(a.subtitle)}</text>` : ''}
  <text x="${w * 0.08}" y="${h * 0.9}" font-family="DejaVu Sans Mono, monospace" font-size="${Math.max(6, Math.round(m / 24))}" fill="#555">${Math.round(w)}×${Math.round(h)}</text>`;
}

/** The node's own paint at its own origin, without its children. */
function ownPaint(node: FakeSceneNode, images: ReadonlyMap<string, Uint8Array>): string {
  const { width: w, height: h } = node;
  const imageFill = node.fills.find((f): f is ImagePaint => f.type === 'IMAGE' && f.visible !== false);
  const bytes = imageFill?.imageHash ? images.get(imageFill.imageHash) : undefined;
  if (bytes) {
    const mime = bytes[0] === 0xff ? 'image/jpeg' : bytes[0] === 0x47 ? 'image/gif' : 'image/png';
    return `<image href="data:${mime};base64,${bytesToBase64(bytes)}" width="${w}" height="${h}" preserveAspectRatio="xMidYMid slice"/>`;
  }
  if (node.artwork) return artworkSvg(node);
  const solid = solidOf(node);
  const fill = solid ? `fill="${solid.color}" fill-opacity="${solid.opacity}"` : 'fill="none"';
  switch (node.type) {
    case 'TEXT': {
      const t = node as FakeTextNode;
      const weight = /bold/i.test(t.fontName.style) ? ' font-weight="bold"' : '';
      return `<text x="0" y="${t.fontSize * 0.93}" font-family="${esc(t.fontName.family)}, DejaVu Sans, sans-serif"${weight} font-size="${t.fontSize}" ${fill}>${esc(t.characters)}</text>`;
    }
    case 'ELLIPSE':
      return `<ellipse cx="${w / 2}" cy="${h / 2}" rx="${w / 2}" ry="${h / 2}" ${fill}/>`;
    case 'VECTOR':
      return node.vectorPaths.map((p) => `<path d="${p.data}" ${fill}/>`).join('');
    default:
      return solid ? `<rect width="${w}" height="${h}" ${fill}/>` : '';
  }
}

/** A node and its visible children, each at its place; frames clip their children. */
function layerSvg(node: FakeSceneNode, images: ReadonlyMap<string, Uint8Array>): string {
  const inner =
    ownPaint(node, images) +
    node.children
      .filter((c) => c.visible)
      .map((c) => `<g transform="${svgMatrix(c.relativeTransform)}" opacity="${c.opacity}">${layerSvg(c, images)}</g>`)
      .join('');
  const clips = ['FRAME', 'COMPONENT', 'INSTANCE'].includes(node.type) && node.clipsContent && node.children.length > 0;
  return clips ? `<svg width="${node.width}" height="${node.height}" overflow="hidden">${inner}</svg>` : inner;
}

/**
 * The picture of a node as an SVG at its own size: its fill (sample artwork, an image, a
 * colour) and its visible layers. Both the Node renderer and the browser playground rasterise it.
 */
export function nodeSvg(node: FakeSceneNode, images: ReadonlyMap<string, Uint8Array>): string {
  if (node.rotation % 360 === 0) {
    const { width: w, height: h } = node;
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${layerSvg(node, images)}</svg>`;
  }
  // A turned node is exported upright in its bounding box, turned inside it.
  const box = node.absoluteBoundingBox!;
  const m = node.absoluteTransform;
  const inBox: Transform = [
    [m[0][0], m[0][1], m[0][2] - box.x],
    [m[1][0], m[1][1], m[1][2] - box.y],
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}" viewBox="0 0 ${box.width} ${box.height}"><g transform="${svgMatrix(inBox)}">${layerSvg(node, images)}</g></svg>`;
}

/** Figma's [[a, c, e], [b, d, f]] as SVG's matrix(a b c d e f). */
const svgMatrix = (m: Transform) => `matrix(${m[0][0]} ${m[1][0]} ${m[0][1]} ${m[1][1]} ${m[0][2]} ${m[1][2]})`;
