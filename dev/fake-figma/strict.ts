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
