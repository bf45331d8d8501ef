type Handler = (...args: unknown[]) => void;

/** figma.on / once / off, and what the fake emits: once the plugin is closed, Figma calls none of its callbacks. */
export function createEvents(closed: () => boolean) {
  const handlers = new Map<string, Set<Handler>>();
  const on = (event: string, h: Handler) => {
    if (!handlers.has(event)) handlers.set(event, new Set());
    handlers.get(event)!.add(h);
  };
  return {
    emit: (event: string, ...args: unknown[]) => !closed() && handlers.get(event)?.forEach((h) => h(...args)),
    on,
    once(event: string, h: Handler) {
      const once: Handler = (...args) => {
        handlers.get(event)?.delete(once);
        h(...args);
      };
      on(event, once);
    },
    off: (event: string, h: Handler) => void handlers.get(event)?.delete(h),
    clear: () => handlers.clear(),
  };
}
