import type { Rect } from '../../core/rect.ts';
import { encodedBytes, type PlaceableImage } from '../runware/placeableImage.ts';

/**
 * Cuts an image into tiles in the iframe, one PNG at a time: the decoded image and one tile's
 * canvas are all it holds (about two copies at most), and each tile leaves before the next is cut.
 */
export async function* cutTiles(image: PlaceableImage, plan: readonly Rect[]): AsyncGenerator<Uint8Array> {
  const own = image.bitmap ? undefined : await createImageBitmap(new Blob([encodedBytes(image) as BlobPart]));
  const bitmap = image.bitmap ?? own!;
  try {
    for (const t of plan) {
      const canvas = new OffscreenCanvas(t.width, t.height);
      canvas.getContext('2d')!.drawImage(bitmap, -t.x, -t.y);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      // Let the canvas go before the tile is sent: its pixels are in the PNG now.
      canvas.width = canvas.height = 0;
      yield new Uint8Array(await blob.arrayBuffer());
    }
  } finally {
    own?.close();
  }
}
