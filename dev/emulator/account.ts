import sharp from 'sharp';
import { referenceKind, type EmuError } from './contract.ts';
import { DEFAULT_BEHAVIOUR, type Behaviour, type Charge, type Delivery, type TaskState } from './state.ts';

/** Everything the emulated Runware account holds; shared by the REST and WebSocket front ends. */
export interface Account {
  readonly keys: ReadonlySet<string>;
  credits: number;
  behaviour: Behaviour;
  origin: string;
  readonly uploads: Map<string, Buffer>;
  readonly images: Map<string, { bytes: Buffer; mime: string }>;
  readonly tasks: Map<string, TaskState>;
  readonly usedTaskUUIDs: Set<string>;
  readonly charges: Charge[];
  readonly deliveries: Delivery[];
  /** The first reference each inference task read (as stored), for tests that check what was sent. */
  readonly firstReferences: Map<string, Buffer | undefined>;
}

/** A fresh account: the HTTP and WebSocket front ends share one; the simulation runs one in-process. */
export function createAccount(options: { apiKeys: readonly string[]; credits?: number }): Account {
  return {
    keys: new Set(options.apiKeys),
    credits: options.credits ?? 1000,
    behaviour: { ...DEFAULT_BEHAVIOUR },
    origin: '',
    uploads: new Map(),
    images: new Map(),
    tasks: new Map(),
    usedTaskUUIDs: new Set(),
    charges: [],
    deliveries: [],
    firstReferences: new Map(),
  };
}

export async function referenceBytes(account: Account, ref: string): Promise<Buffer | undefined> {
  const kind = referenceKind(ref);
  if (kind === 'uuid') return account.uploads.get(ref);
  if (kind === 'dataURI') return Buffer.from(ref.slice(ref.indexOf(',') + 1), 'base64');
  if (kind === 'base64') return Buffer.from(ref, 'base64');
  if (kind === 'url' && ref.startsWith(account.origin)) return account.images.get(ref.split('/').pop()!.split('.')[0]!)?.bytes;
  return undefined;
}

export function serverMs(b: Behaviour, index: number): number {
  const ms = typeof b.serverMs === 'function' ? b.serverMs(index) : b.serverMs;
  return ms / b.clockScale;
}

/**
 * Runware's Sourceful provider page: each reference 300–2048 px a side and at most 20 MB, judged
 * at the size Riverflow reads it (an upload as Runware keeps it: ≤ 2048 px on its long side).
 */
export async function referenceProblem(account: Account, refs: readonly string[]): Promise<EmuError | undefined> {
  for (const [i, ref] of refs.entries()) {
    const bytes = await referenceBytes(account, ref);
    if (!bytes) continue;
    if (bytes.length > 20 * 1024 * 1024)
      return { code: 'invalidReferenceImages', message: `Reference image ${i + 1} is larger than 20 MB.`, parameter: 'inputs.referenceImages' };
    const { width = 0, height = 0 } = await sharp(bytes)
      .metadata()
      .catch(() => ({ width: 0, height: 0 }));
    if (Math.min(width, height) < 300 || Math.max(width, height) > 2048) {
      return {
        code: 'invalidReferenceImages',
        message: `Reference image ${i + 1} is ${width}×${height} px; each side must be 300 to 2048 px.`,
        parameter: 'inputs.referenceImages',
      };
    }
  }
  return undefined;
}
