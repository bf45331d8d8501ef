import sharp from 'sharp';
import { nodeSvg } from './artworkSvg.ts';
import type { ExportRenderer } from './nodes.ts';

/** exportAsync for Node: rasterises the node's SVG at the requested size. */
export function sharpRenderer(): ExportRenderer {
  return async (node, { format, width, height }, images) => {
    const svg = Buffer.from(nodeSvg(node, images));
    // Very large targets: render at a capped density, then resize, as a rasteriser would.
    const img = sharp(svg, { density: 72, limitInputPixels: false, unlimited: true }).resize(width, height, { fit: 'fill' });
    const out = format === 'JPG' ? await img.flatten({ background: '#fff' }).jpeg({ quality: 90 }).toBuffer() : await img.png().toBuffer();
    return new Uint8Array(out);
  };
}
