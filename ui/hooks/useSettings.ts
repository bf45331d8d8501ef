import { useState } from 'preact/hooks';
import type { Settings } from '../../core/records/settings.ts';
import { send } from '../bridge.ts';

/** Output options, remembered per user by the main thread. */
export function useSettings(initial: Settings) {
  const [settings, setSettings] = useState<Settings>(initial);
  function update(next: Settings) {
    setSettings(next);
    send({ type: 'save-settings', settings: next });
  }
  return { settings, update };
}
