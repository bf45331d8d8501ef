import { useState } from 'preact/hooks';
import { errorText } from '../../core/errorText.ts';
import { notify, request } from '../bridge.ts';

interface Props {
  readonly layer: { readonly id: string; readonly name: string; readonly frameName: string; readonly protected: boolean };
}

/**
 * Protect (or Unprotect) the one layer selected inside a frame: a barcode, a logo, a legal panel.
 * Every edit of the frame then gives its pixels back exactly; the protection is kept in the frame.
 */
export function ProtectField({ layer }: Props) {
  const [busy, setBusy] = useState(false);
  async function toggle() {
    setBusy(true);
    try {
      await request({ type: 'protect-layer', layerId: layer.id, on: !layer.protected });
      notify(
        layer.protected ? `“${layer.name}” is no longer protected.` : `“${layer.name}” is protected: every edit of “${layer.frameName}” keeps it exactly.`,
      );
    } catch (e) {
      notify(errorText(e), true);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="field" aria-labelledby="protect-title">
      <h2 class="label" id="protect-title">
        Protect
      </h2>
      <p class="hint">
        {layer.protected
          ? `“${layer.name}” is protected: every edit of “${layer.frameName}” gives its pixels back exactly.`
          : `Keep “${layer.name}” exactly as it is in every edit of “${layer.frameName}” (a barcode, a logo, a legal panel).`}
      </p>
      <button type="button" class="btn secondary" disabled={busy} onClick={() => void toggle()}>
        {layer.protected ? 'Unprotect' : 'Protect'} “{layer.name}”
      </button>
    </section>
  );
}
