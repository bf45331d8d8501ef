import { referenceKind } from './contract.ts';
import type { Behaviour, Charge, Delivery, TaskState } from './state.ts';

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
