import { useEffect, useState } from 'preact/hooks';
import type { SelectedNode } from '../../core/protocol/shared.ts';
import type { ToUI } from '../../core/protocol/toUI.ts';
import { latestMessage, onMessage, request, send } from '../bridge.ts';

/** The document's pinned references (brand kit), sent with every run in this file. */
export function usePins() {
  const [nodes, setNodes] = useState<readonly SelectedNode[]>([]);
  const [missing, setMissing] = useState(0);

  useEffect(() => {
    const apply = (m: Extract<ToUI, { type: 'pins' }>) => {
      setNodes(m.nodes);
      setMissing(m.missing);
    };
    const stop = onMessage((m) => m.type === 'pins' && apply(m));
    // Pins that arrived before this subscription are not lost.
    const missed = latestMessage('pins');
    if (missed) apply(missed);
    return stop;
  }, []);

  async function pin(nodeId: string, pinned: boolean) {
    try {
      await request({ type: 'pin-reference', nodeId, pinned });
    } catch (e) {
      send({ type: 'notify', message: e instanceof Error ? e.message : String(e), error: true });
    }
  }

  return { nodes, missing, ids: new Set(nodes.map((n) => n.id)), pin };
}
