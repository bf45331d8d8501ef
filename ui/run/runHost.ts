import type { ReplyValue, RequestBody, RequestType } from '../../core/protocol/requests.ts';
import type { Reference } from '../../core/protocol/shared.ts';
import type { CompositeParts } from '../../core/protocol/composite.ts';
import type { ToMain } from '../../core/protocol/toMain.ts';
import type { ImageResult } from '../../core/runware/response.ts';
import type { Rect } from '../../core/rect.ts';
import type { PlaceableImage } from '../runware/placeableImage.ts';

/**
 * What a run needs from around it: the main thread (requests, events, exports) and the
 * browser's image decoder. The panel passes the iframe's; unit tests pass their own.
 */
export interface RunHost {
  request<K extends RequestType>(body: RequestBody<K>, options?: { signal?: AbortSignal }): Promise<ReplyValue<K>>;
  send(message: Exclude<ToMain, { id: number }>): void;
  exportReferences(nodeIds: readonly string[], maxLongSide: number, skipCache: boolean, signal?: AbortSignal, hide?: readonly string[]): Promise<Reference[]>;
  loadResultImage(result: ImageResult, signal?: AbortSignal): Promise<PlaceableImage>;
  /** Lays the model's picture over the frame for an area edit or kept text (the iframe's canvas). */
  composeResult(parts: CompositeParts, model: PlaceableImage, featherPercent: number): Promise<PlaceableImage>;
  /** Cuts an image past Figma's 4096 px into the planned tiles, one encoded PNG at a time. */
  cutTiles(image: PlaceableImage, plan: readonly Rect[]): AsyncIterable<Uint8Array>;
  /** The History preview of an image as placed (base64 JPEG ≤ 64 KB); absent where no canvas can make one. */
  makePreview?(bytes: Uint8Array | undefined, decoded?: ImageBitmap): Promise<string | undefined>;
}
