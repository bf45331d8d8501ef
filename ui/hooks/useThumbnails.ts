import { useEffect, useRef, useState } from 'preact/hooks';
import { base64ToBytes } from '../base64.ts';
import { onMessage, send } from '../bridge.ts';

/**
 * Preview images of nodes, fetched from the main thread once per node and kept as blob
 * URLs. Asking again after `refreshKey` changes lets an edited frame show its new look.
 */
export function useThumbnails(nodeIds: readonly string[], refreshKey = ''): ReadonlyMap<string, string> {
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map());
  const asked = useRef(new Set<string>());

  useEffect(
    () =>
      onMessage((m) => {
        if (m.type !== 'thumbnail') return;
        const blob = m.preview
          ? new Blob([base64ToBytes(m.preview) as BlobPart], { type: 'image/jpeg' })
          : m.bytes && new Blob([m.bytes as BlobPart], { type: 'image/png' });
        if (!blob) return;
        const url = URL.createObjectURL(blob);
        setUrls((prev) => {
          const next = new Map(prev);
          const old = next.get(m.nodeId);
          if (old) URL.revokeObjectURL(old);
          return next.set(m.nodeId, url);
        });
      }),
    [],
  );

  const wantedKey = nodeIds.join(',');
  // Debounced: while results land the selection changes quickly, and previews can wait.
  useEffect(() => {
    const ids = wantedKey ? wantedKey.split(',') : [];
    const timer = setTimeout(() => {
      const wanted = ids.filter((id) => !asked.current.has(`${id}:${refreshKey}`));
      if (wanted.length === 0) return;
      wanted.forEach((id) => asked.current.add(`${id}:${refreshKey}`));
      send({ type: 'get-thumbnails', nodeIds: wanted });
    }, 250);
    return () => clearTimeout(timer);
  }, [wantedKey, refreshKey]);

  return urls;
}
