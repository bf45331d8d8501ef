type UIFake = Pick<UIAPI, 'postMessage' | 'onmessage' | 'on' | 'off' | 'show' | 'hide' | 'resize' | 'close'>;

/** figma.ui: messages to the iframe (structured-cloned by the caller), handlers for messages back. */
export function createUI(wire: {
  post: (message: unknown) => void;
  setHandler: (h: MessageEventHandler | undefined) => void;
  getHandler: () => MessageEventHandler | undefined;
  handlers: Set<MessageEventHandler>;
  close: () => void;
  resize: (width: number, height: number) => void;
}): UIFake {
  return {
    postMessage(message: unknown) {
      wire.post(message);
    },
    get onmessage() {
      return wire.getHandler();
    },
    set onmessage(h) {
      wire.setHandler(h);
    },
    on(_type: 'message', h: MessageEventHandler) {
      wire.handlers.add(h);
    },
    off(_type: 'message', h: MessageEventHandler) {
      wire.handlers.delete(h);
    },
    show() {},
    hide() {},
    resize(width: number, height: number) {
      wire.resize(width, height);
    },
    close() {
      wire.close();
    },
  } as UIFake;
}
