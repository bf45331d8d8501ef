/** Figma structured-clones every message and stored value; so does the fake. */
export const clone = <T>(v: T): T => structuredClone(v);

/** A round trip to the Figma app: clientStorage answers later, never at once. */
const never = new Promise<never>(() => {});

/**
 * figma.clientStorage: per user and plugin (one map shared by every file), 5 MB, values
 * cloned; each call is a round trip, and a write still under way when the plugin closes
 * is lost, as in Figma.
 */
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
      const next = new Map(storage).set(key, copy);
      // Figma's clientStorage holds 5 MB per plugin.
      const size = [...next.values()].reduce<number>((n, v) => n + (v instanceof Uint8Array ? v.length : JSON.stringify(v ?? null).length), 0);
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
