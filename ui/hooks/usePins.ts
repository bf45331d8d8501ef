import { useState } from 'preact/hooks';
import type { SelectedNode } from '../../core/protocol/shared.ts';
import { notify, request } from '../bridge.ts';
import { useStateMessage } from './useStateMessage.ts';
import { errorText } from '../../core/errorText.ts';

/** The document's pinned references (brand kit), sent with every run in this file. */
export function usePins() {
  const [nodes, setNodes] = useState<readonly SelectedNode[]>([]);
  const [missing, setMissing] = useState(0);

  useStateMessage('pins', (m) => {
    setNodes(m.nodes);
    setMissing(m.missing);
  });

  async function pin(nodeId: string, pinned: boolean) {
    try {
      const now = await request({ type: 'pin-reference', nodeId, pinned });
      setNodes(now.nodes);
      setMissing(now.missing);
    } catch (e) {
      notify(errorText(e), true);
    }
  }

  return { nodes, missing, ids: new Set(nodes.map((n) => n.id)), pin };
}
