import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../core/settings';
import { watchSettings } from '../../platform/settings-store';

/** The settings, kept current as they change anywhere (options page, another window). */
export function useSettings(initial: Settings): Settings {
  const [settings, setSettings] = useState(initial);
  useEffect(() => watchSettings(setSettings), []);
  return settings;
}
