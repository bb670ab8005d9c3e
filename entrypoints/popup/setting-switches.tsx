import { useState } from 'preact/hooks';
import { isHostEnabled, setHostEnabled, type Settings } from '../../core/settings';
import { updateSettings } from '../../platform/settings-store';
import type { PopupStrings } from './popup-strings';

interface SwitchProps {
  id: string;
  label: string;
  /** Why the switch cannot be used, shown on hover and read after the label. */
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (on: boolean) => void;
}

/** A checkbox announced as a switch; it stays a native input so it works with every input. */
function Switch({ id, label, hint, checked, disabled, onChange }: SwitchProps) {
  return (
    <label class="zf-switch" for={id} title={hint} data-disabled={disabled ? 'true' : undefined}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span class="zf-switch-track" aria-hidden="true" />
      <span class="zf-switch-label">{label}</span>
      {hint && (
        <span id={`${id}-hint`} class="zf-visually-hidden">
          {hint}
        </span>
      )}
    </label>
  );
}

export interface SettingSwitchesProps {
  settings: Settings;
  /** The page's host (`location.host`), when the content script told us. */
  host: string | undefined;
  /** No content script answers in the tab, so there is no site to switch. */
  unreachable: boolean;
  strings: PopupStrings;
}

/**
 * "Highlight on this site" (the site lists, in whichever mode the reader chose) and the switch for
 * the whole extension. Both are saved in settings; open tabs apply them as they change.
 */
export function SettingSwitches({ settings, host, unreachable, strings }: SettingSwitchesProps) {
  const [error, setError] = useState(false);

  const save = (mutate: (current: Settings) => Settings) => {
    setError(false);
    updateSettings(mutate).catch(() => setError(true));
  };

  const onSite = (on: boolean) => {
    if (host === undefined) return;
    // A host no site pattern can hold (an IPv6 literal) comes back unchanged: say so.
    if (setHostEnabled(settings, host, on) === settings) {
      setError(true);
      return;
    }
    save((current) => setHostEnabled(current, host, on));
  };

  // The site switch shows the site lists alone; the extension switch has its own say.
  const siteOn = host !== undefined && isHostEnabled({ ...settings, enabled: true }, host);

  return (
    <div class="zf-switches">
      <Switch
        id="zf-switch-site"
        label={strings.switches.site}
        hint={unreachable ? strings.switches.siteUnknown : undefined}
        checked={siteOn}
        disabled={host === undefined}
        onChange={onSite}
      />
      <Switch
        id="zf-switch-extension"
        label={strings.switches.extension}
        checked={settings.enabled}
        onChange={(on) => save((current) => ({ ...current, enabled: on }))}
      />
      {error && (
        <p class="zf-error" role="alert">
          {strings.switches.saveFailed}
        </p>
      )}
    </div>
  );
}
