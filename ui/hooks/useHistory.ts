import { useEffect, useState } from 'preact/hooks';
import { groupHistory, type HistoryEntry } from '../../core/history.ts';
import { notify, onMessage, request, send } from '../bridge.ts';
import { errorText } from '../../core/errorText.ts';

/** This page's runs, read back from the results' provenance, refreshed after each run. */
export function useHistory() {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<readonly HistoryEntry[]>([]);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const stop = onMessage((m) => {
      if (m.type === 'history') setEntries(groupHistory(m.results));
    });
    send({ type: 'get-history' });
    return stop;
  }, []);

  function refresh() {
    send({ type: 'get-history' });
    setVersion((v) => v + 1);
  }

  function toggle() {
    if (!open) refresh();
    setOpen(!open);
  }

  /** Shows a run's results on the canvas (switching to their page if needed). */
  async function select(nodeIds: readonly string[]) {
    try {
      await request({ type: 'select-nodes', nodeIds: [...nodeIds] });
    } catch (e) {
      notify(errorText(e), true);
    }
  }

  /** Stars a run (kept on its results, so it travels with the file); the reply is the history as it now is. */
  async function star(nodeIds: readonly string[], starred: boolean) {
    try {
      setEntries(groupHistory((await request({ type: 'star-results', nodeIds: [...nodeIds], starred })).results));
    } catch (e) {
      notify(errorText(e), true);
    }
  }

  return { open, toggle, entries, refresh, version, select, star };
}
