import { checkCreateImage, imageHashOf } from './images.ts';
import type { FakePage, FakeSceneNode } from './nodes.ts';
import { strict } from './strict.ts';
import { fontKey } from './text.ts';

interface Deps {
  readonly imageBytes: Map<string, Uint8Array>;
  readonly fonts: { readonly missing: ReadonlySet<string>; readonly loaded: Set<string> };
  readonly fetchImage?: (url: string) => Promise<Uint8Array>;
  readonly create: (type: 'FRAME' | 'RECTANGLE' | 'SECTION') => FakeSceneNode;
  readonly page: () => FakePage;
  /** How many coming createImage calls Figma refuses, as its sandbox does when it runs out of memory for a moment. */
  readonly refusals: { createImage: number };
}

/** figma.create*, images and fonts: the part of the API that makes things. */
export function createNodeApi(deps: Deps) {
  const api = {
    createImage(bytes: Uint8Array): Image {
      if (deps.refusals.createImage > 0) {
        deps.refusals.createImage--;
        throw new Error('in createImage: out of memory');
      }
      checkCreateImage(bytes);
      const hash = imageHashOf(bytes);
      deps.imageBytes.set(hash, bytes);
      return api.getImageByHash(hash)!;
    },
    getImageByHash(hash: string): Image | null {
      const bytes = deps.imageBytes.get(hash);
      if (!bytes) return null;
      const image: Pick<Image, 'hash' | 'getBytesAsync' | 'getSizeAsync'> = {
        hash,
        getBytesAsync: async () => bytes,
        getSizeAsync: async () => checkCreateImage(bytes),
      };
      return strict(image, 'Image') as Image;
    },
    async createImageAsync(src: string): Promise<Image> {
      const bytes = deps.fetchImage ? await deps.fetchImage(src) : new Uint8Array(await (await fetch(src)).arrayBuffer());
      return api.createImage(bytes);
    },
    createRectangle() {
      const node = deps.create('RECTANGLE');
      deps.page().appendChild(node);
      return node as unknown as RectangleNode;
    },
    /** Figma's new frame: 100×100, a white fill, clipping, on the current page. */
    createFrame() {
      const node = deps.create('FRAME');
      node.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 }, opacity: 1, visible: true, blendMode: 'NORMAL' } as SolidPaint];
      deps.page().appendChild(node);
      return node as unknown as FrameNode;
    },
    /** Figma's new section: on the current page (a section lives only on a page or in a section), no fill clipping option. */
    createSection() {
      const node = deps.create('SECTION');
      node.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 }, opacity: 1, visible: true, blendMode: 'NORMAL' } as SolidPaint];
      deps.page().appendChild(node);
      return node as unknown as SectionNode;
    },
    /** Resolves once the font is usable; a font this machine lacks is refused. */
    async loadFontAsync(font: FontName) {
      await new Promise((r) => setTimeout(r, 1));
      if (deps.fonts.missing.has(fontKey(font))) throw new Error(`The font "${fontKey(font)}" could not be loaded`);
      deps.fonts.loaded.add(fontKey(font));
    },
  } satisfies Pick<PluginAPI, 'createImage' | 'getImageByHash' | 'createImageAsync' | 'createRectangle' | 'createFrame' | 'createSection' | 'loadFontAsync'>;
  return api;
}
