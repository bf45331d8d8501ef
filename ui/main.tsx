import './startMark.ts';
import '!./styles.css';
import { render } from 'preact';
import type { ToUI } from '../core/protocol/toUI.ts';
import { App } from './App.tsx';
import { latestMessage, onMessage, send } from './bridge.ts';
import { runQuickEdit } from './quickEdit.ts';

type Init = Extract<ToUI, { type: 'init' }>;

/** A quick edit runs once, on the selection that follows its init, with no panel. */
function startQuickEdit(init: Init): void {
  const go = (selection: Extract<ToUI, { type: 'selection' }>) => void runQuickEdit(init, selection.nodes, selection.skipped, selection.area);
  const now = latestMessage('selection');
  if (now) return go(now);
  const stop = onMessage((m) => {
    if (m.type !== 'selection') return;
    stop();
    go(m);
  });
}

// The main thread answers ui-ready with init: the panel, or a quick edit, starts from it.
performance.mark('riverflow-modules');
const stop = onMessage((m) => {
  if (m.type !== 'init') return;
  stop();
  performance.mark('riverflow-init');
  if (m.quickEdit) startQuickEdit(m);
  else render(<App init={m} />, document.getElementById('app')!);
});
send({ type: 'ui-ready' });
