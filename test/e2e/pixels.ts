import sharp from 'sharp';
import type { Session } from './harness.ts';

/** Pixel helpers for the composite tests: decoded images, and what the playground holds. */
export interface Raw {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}
export const raw = async (bytes: Uint8Array | Buffer, resize?: { width: number; height: number }): Promise<Raw> => {
  const img = resize ? sharp(bytes).resize(resize.width, resize.height, { fit: 'fill' }) : sharp(bytes);
  const { data, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
};
export const at = (img: Raw, x: number, y: number) => {
  const i = (y * img.width + x) * img.channels;
  return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
};
export const diff = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
export const dark = (rgb: number[]) => rgb.every((c) => c < 70);

/** A node's image fill and provenance, and the frame rendered by the playground at a scale. */
export async function resultOf(s: Session, name: string) {
  return s.page.evaluate((n) => {
    const host = window.playground.host;
    const node = host.page.children.find((c) => c.name === n)!;
    const bytes = host.images.get((node.fills[0] as ImagePaint).imageHash!)!;
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const children = node.children.map((c) => ({
      type: c.type,
      name: c.name,
      x: Math.round(c.x * 1000) / 1000,
      y: Math.round(c.y * 1000) / 1000,
      rotation: Math.round(c.rotation),
      characters: c.type === 'TEXT' ? (c as unknown as TextNode).characters : '',
    }));
    return { type: node.type, width: node.width, height: node.height, image: btoa(bin), provenance: node.getPluginData('riverflow'), children };
  }, name);
}
export async function render(s: Session, name: string, scale: number): Promise<Buffer> {
  const b64 = await s.page.evaluate(
    async ([n, sc]) => {
      const node = window.playground.host.page.children.find((c) => c.name === n)!;
      const bytes = await node.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: sc as number } });
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(bin);
    },
    [name, scale] as const,
  );
  return Buffer.from(b64, 'base64');
}
/** Everything about a frame and its layers that a run could change. */
export const frameState = (s: Session, name: string) =>
  s.page.evaluate((n) => {
    const f = window.playground.host.page.children.find((c) => c.name === n)!;
    const layer = (c: typeof f): unknown => [
      c.name,
      c.x,
      c.y,
      c.width,
      c.height,
      c.visible,
      c.fills,
      [...c.pluginData],
      c.type === 'TEXT' ? (c as unknown as TextNode).characters : '',
      c.children.map(layer),
    ];
    return JSON.stringify(layer(f));
  }, name);
export const undoCount = (s: Session) => s.evaluate((host) => host.undoSteps.count);
