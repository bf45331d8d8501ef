import sharp from 'sharp';

export type Format = 'JPG' | 'PNG' | 'WEBP';

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Splits a prompt into lines of about `width` characters, at most `max` lines. */
function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > width) {
      lines.push(line.trim());
      line = word;
      if (lines.length === max) break;
    } else line += ' ' + word;
  }
  if (lines.length < max && line.trim()) lines.push(line.trim());
  return lines;
}

/**
 * A stand-in for Riverflow's edit that a person can recognise: the first reference,
 * resized to exactly width×height, tinted by the seed, with the prompt written across it.
 */
export async function renderResult(options: {
  reference: Buffer | undefined;
  width: number;
  height: number;
  prompt: string;
  seed: number;
  index: number;
  format: Format;
  quality: number;
  /** Riverflow 2.5's `settings.backgroundMode` and `backgroundColor`. */
  background?: { mode: string; color?: string | undefined };
}): Promise<Buffer> {
  const { width, height } = options;
  const base = options.reference
    ? sharp(options.reference).resize(width, height, { fit: 'cover' })
    : sharp({ create: { width, height, channels: 3, background: '#888' } });
  const hue = options.seed % 360;
  const fontSize = Math.round(width / 28);
  const lines = wrap(options.prompt, 34, 4);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="hsl(${hue},70%,50%)" fill-opacity="0.28"/>
    <rect x="0" y="${height - fontSize * (lines.length + 2)}" width="100%" height="${fontSize * (lines.length + 2)}" fill="#000" fill-opacity="0.55"/>
    ${lines.map((l, i) => `<text x="${fontSize}" y="${height - fontSize * (lines.length - i + 0.6)}" font-family="DejaVu Sans, sans-serif" font-size="${fontSize}" fill="#fff">${escapeXml(l)}</text>`).join('')}
    <text x="${fontSize}" y="${fontSize * 1.6}" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="${fontSize}" fill="#fff">Riverflow emulator · #${options.index + 1} · seed ${options.seed}</text>
  </svg>`;
  let composed = base.composite([{ input: Buffer.from(svg), top: 0, left: 0 }]);
  const mode = options.background?.mode;
  if (mode === 'transparent' || mode === 'solid') {
    // A cutout a person can recognise: the middle of the picture as the "product", nothing around it.
    const cut = await sharp(await composed.png().toBuffer())
      .ensureAlpha()
      .composite([{ input: Buffer.from(productShape(width, height)), blend: 'dest-in' }])
      .png()
      .toBuffer();
    composed = mode === 'solid' ? sharp(cut).flatten({ background: options.background!.color ?? '#ffffff' }) : sharp(cut);
  }
  if (options.format === 'PNG') return composed.png().toBuffer();
  if (options.format === 'WEBP') return composed.webp({ quality: options.quality }).toBuffer();
  return composed.jpeg({ quality: options.quality }).toBuffer();
}

/** The cutout's outline: an ellipse over the middle of the image, opaque inside and clear outside. */
export function productShape(width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><ellipse cx="${width / 2}" cy="${height / 2}" rx="${width * 0.3}" ry="${height * 0.4}" fill="#fff"/></svg>`;
}

/** Decodes an uploaded image; rejects what is not an image. */
export async function readUpload(bytes: Buffer): Promise<{ width: number; height: number }> {
  const meta = await sharp(bytes).metadata();
  if (!meta.width || !meta.height) throw new Error('not an image');
  return { width: meta.width, height: meta.height };
}

/** Runware keeps uploads at ≤ 2048 px on the long side. */
export async function storeUpload(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes).resize(2048, 2048, { fit: 'inside', withoutEnlargement: true }).png().toBuffer();
}

export const MIME: Record<Format, string> = { JPG: 'image/jpeg', PNG: 'image/png', WEBP: 'image/webp' };
export const EXT: Record<Format, string> = { JPG: 'jpg', PNG: 'png', WEBP: 'webp' };

const plain = new Map<string, Promise<Buffer>>();
/** One plain image per size and format, made once (Behaviour.cheapImages). */
export function plainImage(width: number, height: number, format: Format): Promise<Buffer> {
  const key = `${width}x${height}.${format}`;
  if (!plain.has(key)) {
    const base = sharp({ create: { width, height, channels: 3, background: '#4a7' } });
    plain.set(key, (format === 'JPG' ? base.jpeg() : format === 'WEBP' ? base.webp() : base.png()).toBuffer());
  }
  return plain.get(key)!;
}
