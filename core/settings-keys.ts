import type { z } from 'zod';
import { entities, groups } from '../data';
import {
  GroupAppearanceSchema,
  SettingsSchema,
  SitePatternSchema,
  type Settings,
} from './settings';

/**
 * Settings as kept in storage: one key per setting ('card.delayMs', 'entities.glm-4',
 * 'appearance.models'), so storage.sync can hold only what differs from the defaults, two
 * devices editing different settings merge per key, and one broken value costs one key.
 */
export type StoredSettings = Record<string, unknown>;

/** The layout version of the stored keys (see settings-migrations.ts). */
export const VERSION_KEY = 'version';

export interface SettingKey {
  key: string;
  /** This setting's value in `settings`, as it is stored. */
  read(settings: Settings): unknown;
  /**
   * Validates a stored value and writes what is valid into `settings`. Returns the paths that
   * could not be kept (the key itself, or single entries of a list), empty when all was kept.
   */
  load(settings: Settings, raw: unknown): string[];
}

function settingKey<T>(
  key: string,
  schema: z.ZodType<T>,
  read: (settings: Settings) => T,
  write: (settings: Settings, value: T) => void,
): SettingKey {
  return {
    key,
    read,
    load: (settings, raw) => {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return [key];
      write(settings, parsed.data);
      return [];
    },
  };
}

const { card, sites } = SettingsSchema.shape;
type SiteListKey = 'blocked' | 'allowed';

/** A site list keeps its valid entries when others are broken: a reader's list is work. */
function siteListKey(list: SiteListKey): SettingKey {
  const key = `sites.${list}`;
  const schema = sites.shape[list];
  return {
    key,
    read: (settings) => settings.sites[list],
    load: (settings, raw) => {
      const whole = schema.safeParse(raw);
      if (whole.success) {
        settings.sites[list] = whole.data;
        return [];
      }
      if (!Array.isArray(raw)) return [key];
      const kept: string[] = [];
      const dropped: string[] = [];
      raw.forEach((entry: unknown, index) => {
        const pattern = SitePatternSchema.safeParse(entry);
        if (pattern.success && schema.safeParse([...kept, pattern.data]).success) {
          kept.push(pattern.data);
        } else {
          dropped.push(`${key}[${index}]`);
        }
      });
      settings.sites[list] = kept;
      return dropped;
    },
  };
}

/** Every stored setting key, generated from the schema and the entity registry. */
export function settingKeys(): SettingKey[] {
  return [
    settingKey(
      'enabled',
      SettingsSchema.shape.enabled,
      (s) => s.enabled,
      (s, v) => (s.enabled = v),
    ),
    settingKey(
      'language',
      SettingsSchema.shape.language,
      (s) => s.language,
      (s, v) => (s.language = v),
    ),
    settingKey(
      'card.delayMs',
      card.shape.delayMs,
      (s) => s.card.delayMs,
      (s, v) => (s.card.delayMs = v),
    ),
    settingKey(
      'card.trigger',
      card.shape.trigger,
      (s) => s.card.trigger,
      (s, v) => (s.card.trigger = v),
    ),
    settingKey(
      'card.modifier',
      card.shape.modifier,
      (s) => s.card.modifier,
      (s, v) => (s.card.modifier = v),
    ),
    settingKey(
      'card.openOnFocus',
      card.shape.openOnFocus,
      (s) => s.card.openOnFocus,
      (s, v) => (s.card.openOnFocus = v),
    ),
    settingKey(
      'sites.mode',
      sites.shape.mode,
      (s) => s.sites.mode,
      (s, v) => (s.sites.mode = v),
    ),
    siteListKey('blocked'),
    siteListKey('allowed'),
    ...groups.map((group) =>
      settingKey(
        `appearance.${group.id}`,
        GroupAppearanceSchema,
        (s) => s.appearance[group.id],
        (s, v) => (s.appearance[group.id] = v),
      ),
    ),
    ...entities.map((entity) =>
      settingKey(
        `entities.${entity.id}`,
        SettingsSchema.shape.entities.valueType,
        (s) => s.entities[entity.id] ?? true,
        (s, v) => (s.entities[entity.id] = v),
      ),
    ),
  ];
}
