/** Figma structured-clones every message and stored value; so does the fake. */
export const clone = <T>(v: T): T => structuredClone(v);

/** A round trip to the Figma app: clientStorage answers later, never at once. */
const never = new Promise<never>(() => {});

/**
 * figma.clientStorage: per user and plugin (one map shared by every file), 5 MB, values
 * cloned; each call is a round trip, and a write still under way when the plugin closes
 * is lost, as in Figma.
 */
/** A stored value's JSON size, measured once per stored object or long string (values are copies, never changed in place). */
const objectSizes = new WeakMap<object, number>();
let lastString: { value: string; size: number } | undefined;
function sizeOf(v: unknown): number {
  if (v instanceof Uint8Array) return v.length;
  if (typeof v === 'object' && v !== null) {
    if (!objectSizes.has(v)) objectSizes.set(v, JSON.stringify(v).length);
    return objectSizes.get(v)!;
  }
  if (typeof v === 'string' && v.length > 4096) {
    if (lastString?.value !== v) lastString = { value: v, size: JSON.stringify(v).length };
    return lastString.size;
  }
  return JSON.stringify(v ?? null).length;
}

export function createClientStorage(
  storage: Map<string, unknown>,
  persist: (key: string) => void,
  isClosed: () => boolean,
  /** Each call's round trip to the app; 0 still answers later (a macrotask), never at once. */
  latencyMs = 2,
): Pick<ClientStorageAPI, 'getAsync' | 'setAsync' | 'deleteAsync' | 'keysAsync'> {
  const roundTrip = () => new Promise((r) => (latencyMs > 0 ? setTimeout(r, latencyMs) : setImmediate(r)));
  return {
    async getAsync(key) {
      await roundTrip();
      return storage.has(key) ? clone(storage.get(key)) : undefined;
    },
    async setAsync(key, value) {
      const copy = clone(value);
      await roundTrip();
      if (isClosed()) return never;
      // Figma's clientStorage holds 5 MB per plugin (each value's JSON size, a Uint8Array by its length).
      const size = [...storage].reduce<number>((n, [k, v]) => n + (k === key ? 0 : sizeOf(v)), sizeOf(copy));
      if (size > 5 * 1024 * 1024) throw new Error('clientStorage quota exceeded');
      storage.set(key, copy);
      persist(key);
    },
    async deleteAsync(key) {
      await roundTrip();
      if (isClosed()) return never;
      storage.delete(key);
      persist(key);
    },
    async keysAsync() {
      await roundTrip();
      return [...storage.keys()];
    },
  };
}
