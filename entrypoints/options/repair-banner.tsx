import { entityById, groups } from '../../data';
import type { UiLang } from '../../core/ui-language';
import type { OptionsStrings } from './options-strings';

interface RepairBannerProps {
  resetKeys: string[];
  lang: UiLang;
  t: OptionsStrings;
  onDismiss: () => void;
}

/** A stored key as the reader knows it from this page ('card.delayMs' -> "Hover delay"). */
function keyLabel(key: string, lang: UiLang, t: OptionsStrings): string {
  const entry = /^(.*)\[(\d+)\]$/.exec(key);
  const base = entry?.[1] ?? key;
  const [section, name = ''] = base.split(/\.(.*)/s);
  const labels: Record<string, string | undefined> = {
    '*': t.repair.everything,
    enabled: t.master.label,
    language: t.language.heading,
    'card.delayMs': t.card.delay,
    'card.trigger': t.card.trigger,
    'card.modifier': t.card.modifier,
    'card.openOnFocus': t.card.focus,
    'sites.mode': t.sites.mode,
    'sites.blocked': t.sites.listLabel['all-except'],
    'sites.allowed': t.sites.listLabel.only,
  };
  let label = labels[base];
  if (section === 'entities') label = entityById(name)?.name[lang];
  if (section === 'appearance') {
    const group = groups.find((candidate) => candidate.id === name);
    label = group && t.appearance.style(group.name[lang]);
  }
  label ??= base;
  return entry ? `${label} (#${Number(entry[2]) + 1})` : label;
}

export function RepairBanner({ resetKeys, lang, t, onDismiss }: RepairBannerProps) {
  return (
    <div class="banner" role="alert" data-testid="repair-banner">
      <h2>{t.repair.heading}</h2>
      <p>{t.repair.body}</p>
      <ul>
        {resetKeys.map((key) => (
          <li key={key}>
            {keyLabel(key, lang, t)} <code>{key}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        {t.repair.dismiss}
      </button>
    </div>
  );
}
