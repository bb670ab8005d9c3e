import { defaultSettings, SettingsSchema, type Settings } from './settings';
import { z } from './zod';

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

type Path = readonly [section: string, inner?: string];
type Tree = Record<string, unknown>;

// A key's schema is the schema at its path in SettingsSchema, so a value that passed it has the
// type the path holds in Settings; reading and writing through plain records is safe for that.
function valueAt(settings: Settings, [section, inner]: Path): unknown {
  const value = (settings as unknown as Tree)[section];
  return inner === undefined ? value : (value as Tree)[inner];
}

function writeAt(settings: Settings, [section, inner]: Path, value: unknown): void {
  const tree = settings as unknown as Tree;
  if (inner === undefined) tree[section] = value;
  else (tree[section] as Tree)[inner] = value;
}

function keyOf([section, inner]: Path): string {
  return inner === undefined ? section : `${section}.${inner}`;
}

type Schema = z.core.$ZodType;

function plainKey(path: Path, schema: Schema, defaults: Settings): SettingKey {
  const key = keyOf(path);
  return {
    key,
    // Settings built before an entity joined the registry lack its id: it has its default.
    read: (settings) => valueAt(settings, path) ?? valueAt(defaults, path),
    load: (settings, raw) => {
      const parsed = z.safeParse(schema, raw);
      if (!parsed.success) return [key];
      writeAt(settings, path, parsed.data);
      return [];
    },
  };
}

/** A list keeps its valid entries when others are broken: a reader's site list is work. */
function listKey(path: Path, schema: z.ZodMiniArray, defaults: Settings): SettingKey {
  const key = keyOf(path);
  const { element } = schema.def;
  return {
    ...plainKey(path, schema, defaults),
    load: (settings, raw) => {
      const whole = z.safeParse(schema, raw);
      if (whole.success) {
        writeAt(settings, path, whole.data);
        return [];
      }
      if (!Array.isArray(raw)) return [key];
      const kept: unknown[] = [];
      const dropped: string[] = [];
      raw.forEach((entry: unknown, index) => {
        const one = z.safeParse(element, entry);
        if (one.success && z.safeParse(schema, [...kept, one.data]).success) {
          kept.push(one.data);
        } else {
          dropped.push(`${key}[${index}]`);
        }
      });
      writeAt(settings, path, kept);
      return dropped;
    },
  };
}

function leafKey(path: Path, schema: Schema, defaults: Settings): SettingKey {
  return schema instanceof z.ZodMiniArray
    ? listKey(path, schema, defaults)
    : plainKey(path, schema, defaults);
}

/**
 * Every stored setting key, generated from the schema's shape: a nested object gives one key
 * per field ('card.delayMs'), a record one key per id of its defaults, which come from the
 * registry ('entities.glm-4'), anything else one key ('language'). The version is the store's.
 */
export function settingKeys(): SettingKey[] {
  const defaults = defaultSettings();
  return Object.entries(SettingsSchema.shape).flatMap(([section, schema]): SettingKey[] => {
    if (section === VERSION_KEY) return [];
    if (schema instanceof z.ZodMiniObject) {
      // `instanceof` forgets the shape's type; every field of it is a schema.
      const shape: Record<string, Schema> = schema.shape;
      return Object.entries(shape).map(([inner, field]) =>
        leafKey([section, inner], field, defaults),
      );
    }
    if (schema instanceof z.ZodMiniRecord) {
      const ids = Object.keys(valueAt(defaults, [section]) as Tree);
      return ids.map((id) => leafKey([section, id], schema.def.valueType, defaults));
    }
    return [leafKey([section], schema, defaults)];
  });
}
