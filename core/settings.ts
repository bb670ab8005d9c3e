import { z } from './zod';
// The alias list and the groups, not data/index.ts: the content script reads these settings, and
// the rest of the data stays out of it.
import { entityAliases } from '../data/entity-aliases';
import { groupsData } from '../data/groups';
import { GroupIdSchema, type GroupId } from '../data/group-ids';

/** Bump with every change of shape, and add a numbered migration in settings-migrations.ts. */
export const SETTINGS_VERSION = 2;

export const HighlightStyleSchema = z.enum(['underline', 'background', 'both', 'none']);
export type HighlightStyle = z.infer<typeof HighlightStyleSchema>;

export const GroupAppearanceSchema = z.strictObject({
  color: z.string().check(z.regex(/^#[0-9a-f]{6}$/i, 'expected a colour like #1a73e8')),
  style: HighlightStyleSchema,
});
export type GroupAppearance = z.infer<typeof GroupAppearanceSchema>;

export const CardTriggerSchema = z.enum(['hover', 'modifier', 'click']);
export type CardTrigger = z.infer<typeof CardTriggerSchema>;

export const ModifierKeySchema = z.enum(['Alt', 'Shift', 'Control', 'Meta']);
export type ModifierKey = z.infer<typeof ModifierKeySchema>;

export const LanguageSettingSchema = z.enum(['auto', 'en', 'zh']);

/**
 * A site as the reader types it: a host (`example.com`, which also covers its subdomains),
 * `*.example.com` for subdomains only, or a host with a port (`127.0.0.1:8080`).
 */
export const SitePatternSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(253, 'a host name has at most 253 characters'),
    z.regex(
      /^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/,
      'expected a host such as example.com or *.example.com',
    ),
  );

export const SiteModeSchema = z.enum(['all-except', 'only']);
export type SiteMode = z.infer<typeof SiteModeSchema>;

export const MAX_SITES = 300;
/**
 * storage.sync refuses an item over 8,192 bytes (key and JSON value together), and each site
 * list is one item; this leaves room for the key and the JSON punctuation.
 */
export const MAX_SITE_LIST_CHARS = 8000;
export const MAX_DELAY_MS = 2000;

const SiteListSchema = z.array(SitePatternSchema).check(
  z.maxLength(MAX_SITES, `at most ${MAX_SITES} sites`),
  z.refine(
    (list) => JSON.stringify(list).length <= MAX_SITE_LIST_CHARS,
    `the list is too long to sync (at most ${MAX_SITE_LIST_CHARS} characters in all)`,
  ),
);

export const SettingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  /** The whole extension on or off. */
  enabled: z.boolean(),
  /** Entity id -> highlighted or not. Ids missing here take the default (on). */
  entities: z.record(z.string(), z.boolean()),
  appearance: z.record(GroupIdSchema, GroupAppearanceSchema),
  card: z.strictObject({
    delayMs: z.int().check(z.minimum(0), z.maximum(MAX_DELAY_MS)),
    trigger: CardTriggerSchema,
    /** Held with the pointer when `trigger` is 'modifier'. */
    modifier: ModifierKeySchema,
    /** Open the card when a highlighted mention receives keyboard focus. */
    openOnFocus: z.boolean(),
  }),
  /**
   * Two lists, one per mode, so switching the mode never turns the sites a reader switched off
   * into the only sites where the extension runs.
   */
  sites: z.strictObject({
    /** 'all-except': on everywhere but `blocked`; 'only': on nowhere but `allowed`. */
    mode: SiteModeSchema,
    blocked: SiteListSchema,
    allowed: SiteListSchema,
  }),
  language: LanguageSettingSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

/** One colour per group, chosen to stay readable as underline and as background, light or dark. */
const GROUP_COLORS: Record<GroupId, string> = {
  'ai-companies': '#1a73e8',
  models: '#8e44ad',
  benchmarks: '#0b8043',
  'football-investors': '#d35400',
  'clubs-leagues': '#c0392b',
  'funds-investors': '#b7950b',
  other: '#607d8b',
};

/** Defaults come from the registry, so a new entity or group gets its toggle with no code. */
export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    enabled: true,
    entities: Object.fromEntries(entityAliases.map((entity) => [entity.id, true])),
    appearance: Object.fromEntries(
      groupsData.map((group) => [group.id, { color: GROUP_COLORS[group.id], style: 'underline' }]),
    ) as Record<GroupId, GroupAppearance>,
    card: { delayMs: 300, trigger: 'hover', modifier: 'Alt', openOnFocus: true },
    sites: { mode: 'all-except', blocked: [], allowed: [] },
    language: 'auto',
  };
}

export function isEntityEnabled(settings: Settings, entityId: string): boolean {
  return settings.entities[entityId] ?? true;
}

/** Does a site pattern cover this host (`host` may carry a port, as `location.host` does)? */
export function siteMatches(pattern: string, host: string): boolean {
  const target = host.toLowerCase();
  if (pattern.startsWith('*.')) return target.replace(/:\d+$/, '').endsWith(pattern.slice(1));
  if (pattern.includes(':')) return target === pattern;
  const bare = target.replace(/:\d+$/, '');
  return bare === pattern || bare.endsWith(`.${pattern}`);
}

/** Should the extension run on a page of this host at all? */
export function isHostEnabled(settings: Settings, host: string): boolean {
  if (!settings.enabled) return false;
  const only = settings.sites.mode === 'only';
  const list = only ? settings.sites.allowed : settings.sites.blocked;
  const listed = list.some((pattern) => siteMatches(pattern, host));
  return only ? listed : !listed;
}

/**
 * The popup's site switch: returns settings in which `host` is on or off, changing only the
 * list of the current mode. Turning a site on removes every pattern that covers it (so a
 * `*.example.com` entry goes too); turning it off adds the host itself.
 */
export function setHostEnabled(settings: Settings, host: string, on: boolean): Settings {
  const target = host.toLowerCase();
  const only = settings.sites.mode === 'only';
  const key = only ? 'allowed' : 'blocked';
  const list = settings.sites[key];
  // In 'all-except' mode a listed site is off; in 'only' mode a listed site is on.
  const shouldList = only ? on : !on;
  const listed = list.some((pattern) => siteMatches(pattern, target));
  if (shouldList === listed) return settings;
  const next = shouldList
    ? [...list, target]
    : list.filter((pattern) => !siteMatches(pattern, target));
  // A host no pattern can hold (an IPv6 literal) or a full list leaves the settings as they were.
  if (!SiteListSchema.safeParse(next).success) return settings;
  return { ...settings, sites: { ...settings.sites, [key]: next } };
}

/**
 * What the reader typed or pasted into the site box, reduced to what a pattern holds: the host
 * and port as a browser writes them in `location.host` (lowercase, punycode for non-ASCII names,
 * no default port). `https://News.example.com/a?b` becomes `news.example.com` and `例子.com`
 * becomes `xn--fsqu00a.com`. The result still has to pass SitePatternSchema.
 */
export function siteFromInput(text: string): string {
  const trimmed = text.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  try {
    return new URL(hasScheme ? trimmed : `http://${trimmed}`).host;
  } catch {
    return trimmed.toLowerCase();
  }
}
