import { Disclosure } from './Disclosure.tsx';
import type { Settings } from '../../core/records/settings.ts';
import { DEFAULT_FEATHER_PERCENT, MAX_FEATHER_PERCENT } from '../../core/composite/areaPlan.ts';
import { MAX_QUALITY, MIN_QUALITY } from '../../core/outputOptions.ts';
import { IntegerField } from './IntegerField.tsx';
import { DEFAULT_CONFIRM_ABOVE_USD, MAX_CONFIRM_ABOVE_USD } from '../../core/spend.ts';

interface Props {
  readonly open: boolean;
  readonly onToggle: () => void;
  readonly settings: Settings;
  readonly onChange: (settings: Settings) => void;
}

export function AdvancedOptions({ open, onToggle, settings, onChange }: Props) {
  return (
    <Disclosure open={open} title="Advanced" onToggle={onToggle}>
      <div class="field">
        <label for="format">Output format</label>
        <select
          id="format"
          class="select"
          value={settings.outputFormat}
          onChange={(e) => onChange({ ...settings, outputFormat: (e.currentTarget as HTMLSelectElement).value as Settings['outputFormat'] })}
        >
          <option value="PNG">PNG</option>
          <option value="JPG">JPG</option>
          <option value="WEBP">WEBP (placed as PNG)</option>
        </select>
      </div>
      <IntegerField
        id="quality"
        label="Quality"
        min={MIN_QUALITY}
        max={MAX_QUALITY}
        value={settings.outputQuality}
        onChange={(n) => onChange({ ...settings, outputQuality: n })}
      />
      <div class="field row">
        <input
          id="safety"
          class="native"
          type="checkbox"
          checked={settings.checkContent}
          onChange={(e) => onChange({ ...settings, checkContent: (e.currentTarget as HTMLInputElement).checked })}
        />
        <label for="safety">Content safety check</label>
      </div>
      <IntegerField
        id="confirm-above"
        label="Ask before spending more than ($)"
        min={0}
        max={MAX_CONFIRM_ABOVE_USD}
        value={settings.confirmAboveUsd ?? DEFAULT_CONFIRM_ABOVE_USD}
        onChange={(n) => onChange({ ...settings, confirmAboveUsd: n })}
      />
      <IntegerField
        id="feather"
        label="Area edge softness (% of the area)"
        min={0}
        max={MAX_FEATHER_PERCENT}
        value={settings.featherPercent ?? DEFAULT_FEATHER_PERCENT}
        onChange={(n) => onChange({ ...settings, featherPercent: n })}
      />
    </Disclosure>
  );
}
