import { useState } from 'preact/hooks';
import type { TransportName } from '../../core/protocol/shared.ts';
import type { DevEndpoints } from '../../core/records/devEndpoints.ts';
import { apiKeyProblem } from '../../core/runware/apiKey.ts';
import { request } from '../bridge.ts';
import type { Connection } from '../runware/makeClient.ts';

/** The saved API key (the draft being typed, and what is stored) and where calls go. */
export function useConnection(init: { apiKey: string | null; endpoints: DevEndpoints | null; transport: TransportName | null }) {
  const [draft, setDraft] = useState(init.apiKey ?? '');
  const [savedKey, setSavedKey] = useState<string | null>(init.apiKey);
  const problem = draft ? apiKeyProblem(draft) : undefined;
  const connection: Connection | null = savedKey ? { apiKey: savedKey, endpoints: init.endpoints, transport: init.transport } : null;

  async function save() {
    if (problem || !draft.trim()) return;
    await request({ type: 'save-key', apiKey: draft.trim() });
    setSavedKey(draft.trim());
  }

  async function forget() {
    await request({ type: 'forget-key' });
    setSavedKey(null);
    setDraft('');
  }

  return { draft, setDraft, savedKey, problem, connection, save, forget };
}
