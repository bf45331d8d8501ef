import { bytesToBase64 } from '../../core/imageInfo.ts';
import type { FakeSceneNode } from './nodes.ts';

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The picture of a node as an SVG at its own size: sample artwork (packaging-like shapes
 * and type), or its image fill. Both the Node renderer and the browser playground rasterise it.
 */
export function nodeSvg(node: FakeSceneNode, images: ReadonlyMap<string, Uint8Array>): string {
  const { width: w, height: h } = node;
  const imageFill = node.fills.find((f): f is ImagePaint => f.type === 'IMAGE');
  const bytes = imageFill?.imageHash ? images.get(imageFill.imageHash) : undefined;
  if (bytes) {
    const mime = bytes[0] === 0xff ? 'image/jpeg' : bytes[0] === 0x47 ? 'image/gif' : 'image/png';
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><image href="data:${mime};base64,${bytesToBase64(bytes)}" width="${w}" height="${h}" preserveAspectRatio="xMidYMid slice"/></svg>`;
  }
  const a = node.artwork ?? { background: '#e8e2d6', accent: '#3b5b8c', title: node.name };
  const m = Math.min(w, h);
  const title = Math.max(8, Math.round(m / 9));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <rect width="${w}" height="${h}" fill="${a.background}"/>
  <rect x="0" y="${h * 0.62}" width="${w}" height="${h * 0.12}" fill="${a.accent}"/>
  <circle cx="${w * 0.78}" cy="${h * 0.3}" r="${m * 0.18}" fill="${a.accent}" fill-opacity="0.85"/>
  <rect x="${w * 0.08}" y="${h * 0.12}" width="${w * 0.4}" height="${h * 0.04}" fill="${a.accent}" fill-opacity="0.5"/>
  <text x="${w * 0.08}" y="${h * 0.45}" font-family="DejaVu Serif, Georgia, serif" font-weight="bold" font-size="${title}" fill="#222">${esc(a.title)}</text>
  ${a.subtitle ? `<text x="${w * 0.08}" y="${h * 0.45 + title * 1.1}" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(title * 0.45)}" fill="#444">${esc(a.subtitle)}</text>` : ''}
  <text x="${w * 0.08}" y="${h * 0.9}" font-family="DejaVu Sans Mono, monospace" font-size="${Math.max(6, Math.round(m / 24))}" fill="#555">${Math.round(w)}×${Math.round(h)}</text>
</svg>`;
}
