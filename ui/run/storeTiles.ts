import { tilePlan, type Tile } from '../../core/tiles.ts';
import type { PlaceableImage } from '../runware/placeableImage.ts';
import type { RunHost } from './runHost.ts';

/** A result past Figma's 4096 px, sent to the main thread a tile per message (store-tile), ready to place. */
export async function storeTiles(host: RunHost, image: PlaceableImage, signal: AbortSignal): Promise<{ width: number; height: number; parts: Tile[] }> {
  const plan = tilePlan(image.width, image.height);
  const parts: Tile[] = [];
  for await (const bytes of host.cutTiles(image, plan)) {
    const { hash } = await host.request({ type: 'store-tile', bytes }, { signal });
    parts.push({ ...plan[parts.length]!, hash });
  }
  return { width: image.width, height: image.height, parts };
}
