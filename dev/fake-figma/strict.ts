/**
 * Wraps a fake so that reading any Plugin API member it does not implement throws,
 * naming the member: a gap in the fake shows up as a failure, never as a silent pass.
 */
export function strict<T extends object>(target: T, label: string): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      // Promise resolution probes `then`; JSON and inspection probe the rest.
      if (
        typeof prop === 'symbol' ||
        prop === 'then' ||
        prop === 'toJSON' ||
        prop === 'constructor' ||
        prop === 'inspect' ||
        prop === 'nodeType' ||
        prop === '$$typeof' ||
        prop === 'asymmetricMatch'
      ) {
        return Reflect.get(obj, prop, receiver);
      }
      if (!(prop in obj)) throw new Error(`FakeFigma: ${label}.${prop} is not implemented by the fake`);
      // A removed node is gone in Figma: anything but `removed` and `id` throws.
      if (prop !== 'removed' && prop !== 'id' && (obj as { removed?: unknown }).removed === true) {
        throw new Error(`The node with id "${String((obj as { id?: unknown }).id)}" does not exist`);
      }
      // Methods run with `this` = the proxy, so nodes link to each other through proxies
      // and identity checks (node.parent === figma.currentPage) hold as in Figma.
      return Reflect.get(obj, prop, receiver);
    },
    set(obj, prop, value) {
      if (typeof prop === 'string' && !(prop in obj)) throw new Error(`FakeFigma: setting ${label}.${prop} is not implemented by the fake`);
      return Reflect.set(obj, prop, value, obj);
    },
  });
}

/**
 * After figma.closePlugin() the API stops working, as in Figma; and a closed session's code never
 * reaches the next session's API (Figma throws the old sandbox away), so each start gets its own
 * `figma`, dead once its session ends.
 */
export function sessionGuard<T extends object>(api: T, closed: () => boolean) {
  let session = 0;
  const guardedFor = (mine: number) =>
    new Proxy(api, {
      get(obj, prop, receiver) {
        if ((closed() || mine !== session) && typeof prop === 'string' && prop !== 'then')
          throw new Error(`FakeFigma: figma.${prop} used after the plugin was closed`);
        return Reflect.get(obj, prop, receiver);
      },
    });
  let guarded = guardedFor(session);
  return {
    current: () => guarded,
    next: () => void (guarded = guardedFor(++session)),
  };
}
