import type { Rect } from '../core/rect.ts';
import { tilesCover, type Tile } from '../core/tiles.ts';
import { PluginProblem } from './bridge.ts';

/** One tile of a result past 4096 px, kept by Figma until the result that shows it is placed. */
export function storeTile(bytes: Uint8Array): { hash: string } {
  // Validates the tile (PNG/JPEG/GIF, ≤ 4096 px) and throws otherwise.
  return { hash: figma.createImage(bytes).hash };
}

export interface TiledImage {
  readonly width: number;
  readonly height: number;
  readonly parts: readonly Tile[];
}

/**
 * A result past Figma's 4096 px, with every pixel: a frame as wide as any result, holding its
 * tiles edge to edge at the image's own proportions. The caller names, records and appends the frame.
 */
export function tiledResult(image: TiledImage, slot: Rect): FrameNode {
  checkTiles(image);
  const frame = figma.createFrame();
  frame.resize(slot.width, image.height * (slot.width / image.width));
  frame.x = slot.x;
  frame.y = slot.y;
  frame.clipsContent = true;
  fillWithTiles(frame, image);
  return frame;
}

/** Before anything is made: every tile in place and held by Figma, or a reason. */
export function checkTiles(image: TiledImage): void {
  if (!tilesCover(image.parts, image.width, image.height)) throw new PluginProblem('The image’s tiles do not fit together, so it was not placed.');
  if (image.parts.some((t) => !figma.getImageByHash(t.hash))) throw new PluginProblem('A tile of the image did not reach Figma, so it was not placed.');
}

/**
 * Lays checked tiles edge to edge across a frame's width (each tile's fill is its pixels,
 * unresampled), and sets the frame's export to the whole image at full width, so Export in
 * Figma gives every pixel.
 */
export function fillWithTiles(frame: FrameNode, image: TiledImage): void {
  const scale = frame.width / image.width;
  frame.fills = [];
  image.parts.forEach((t, i) => {
    const tile = figma.createRectangle();
    tile.name = `Tile ${i + 1} of ${image.parts.length}`;
    tile.resize(t.width * scale, t.height * scale);
    tile.x = t.x * scale;
    tile.y = t.y * scale;
    tile.fills = [{ type: 'IMAGE', imageHash: t.hash, scaleMode: 'FILL' }];
    // Locked, so a click on the result picks the whole result (as on any other), and a tile is never nudged out of place.
    tile.locked = true;
    frame.appendChild(tile);
  });
  frame.exportSettings = [{ format: 'PNG', suffix: '', constraint: { type: 'WIDTH', value: image.width } }];
}
