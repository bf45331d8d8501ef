import { useRef } from 'preact/hooks';
import { clampPanelSize, type PanelSize } from '../../core/records/panelSize.ts';
import { send } from '../bridge.ts';

const STEP = 20;

/**
 * The corner grip Figma plugins use to resize their own window (figma.ui.resize): drag it,
 * or focus it and use the arrow keys. The main thread remembers the size.
 */
export function ResizeHandle() {
  const drag = useRef<{ x: number; y: number; width: number; height: number; last?: PanelSize } | null>(null);
  const resize = (width: number, height: number, save: boolean) => {
    const size = clampPanelSize(width, height);
    send({ type: 'resize-ui', size, save });
    return size;
  };
  return (
    <button
      type="button"
      class="resize-handle"
      aria-label="Corner grip"
      title="Drag, or use the arrow keys, to make the panel larger or smaller"
      onPointerDown={(e: PointerEvent) => {
        (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
        drag.current = { x: e.screenX, y: e.screenY, width: window.innerWidth, height: window.innerHeight };
      }}
      onPointerMove={(e: PointerEvent) => {
        const d = drag.current;
        if (d) d.last = resize(d.width + e.screenX - d.x, d.height + e.screenY - d.y, false);
      }}
      onPointerUp={() => {
        // One clientStorage write per drag: each is a round trip to the app.
        const last = drag.current?.last;
        if (last) resize(last.width, last.height, true);
        drag.current = null;
      }}
      onKeyDown={(e: KeyboardEvent) => {
        const delta = { ArrowRight: [STEP, 0], ArrowLeft: [-STEP, 0], ArrowDown: [0, STEP], ArrowUp: [0, -STEP] }[e.key];
        if (!delta) return;
        e.preventDefault();
        resize(window.innerWidth + delta[0]!, window.innerHeight + delta[1]!, true);
      }}
    >
      <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
        <path d="M9 1 1 9M9 5 5 9" stroke="currentColor" fill="none" />
      </svg>
    </button>
  );
}
