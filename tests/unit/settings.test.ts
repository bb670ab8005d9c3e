import { describe, expect, it } from 'vitest';
import { entities, groups } from '../../data';
import {
  defaultSettings,
  isEntityEnabled,
  isHostEnabled,
  setHostEnabled,
  siteFromInput,
  SettingsSchema,
  siteMatches,
  SitePatternSchema,
  type Settings,
} from '../../core/settings';
import { settingKeys } from '../../core/settings-keys';

const withSites = (sites: Partial<Settings['sites']>): Settings => {
  const settings = defaultSettings();
  return { ...settings, sites: { ...settings.sites, ...sites } };
};

describe('defaults', () => {
  it('are valid under the schema', () => {
    expect(SettingsSchema.safeParse(defaultSettings()).success).toBe(true);
  });

  it('give every entity of the registry a toggle, switched on', () => {
    const defaults = defaultSettings();
    expect(Object.keys(defaults.entities).sort()).toEqual(entities.map((e) => e.id).sort());
    expect(Object.values(defaults.entities).every(Boolean)).toBe(true);
  });

  it('give every group an appearance with a distinct colour', () => {
    const { appearance } = defaultSettings();
    expect(Object.keys(appearance).sort()).toEqual(groups.map((g) => g.id).sort());
    const colours = Object.values(appearance).map((a) => a.color.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('are a fresh object each time (a caller mutating one cannot change the next)', () => {
    const first = defaultSettings();
    first.entities['glm-4'] = false;
    expect(defaultSettings().entities['glm-4']).toBe(true);
  });
});

describe('the stored key table', () => {
  it('has one key per leaf of the defaults, so no setting is forgotten when storing', () => {
    const expected = Object.entries(defaultSettings())
      .filter(([key]) => key !== 'version')
      .flatMap(([key, value]) =>
        typeof value === 'object' && !Array.isArray(value)
          ? Object.keys(value).map((inner) => `${key}.${inner}`)
          : [key],
      );
    expect(
      settingKeys()
        .map((key) => key.key)
        .sort(),
    ).toEqual(expected.sort());
  });
});

describe('isEntityEnabled', () => {
  it('reads the toggle and treats an id it has never seen as on', () => {
    const settings = defaultSettings();
    settings.entities['glm-4'] = false;
    expect(isEntityEnabled(settings, 'glm-4')).toBe(false);
    expect(isEntityEnabled(settings, 'zhipu-ai')).toBe(true);
    expect(isEntityEnabled(settings, 'not-yet-in-the-registry')).toBe(true);
  });
});

describe('site patterns', () => {
  it('accept hosts, wildcards and ports, normalised', () => {
    expect(SitePatternSchema.parse(' News.Example.COM ')).toBe('news.example.com');
    expect(SitePatternSchema.safeParse('*.example.com').success).toBe(true);
    expect(SitePatternSchema.safeParse('127.0.0.1:8080').success).toBe(true);
  });

  it('refuse URLs, spaces and empty input', () => {
    for (const bad of [
      'https://example.com',
      'exa mple.com',
      '',
      '*',
      'example.com/path',
      '-a.com',
    ]) {
      expect(SitePatternSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('match as documented', () => {
    expect(siteMatches('example.com', 'example.com')).toBe(true);
    expect(siteMatches('example.com', 'news.example.com:8443')).toBe(true);
    expect(siteMatches('example.com', 'badexample.com')).toBe(false);
    expect(siteMatches('*.example.com', 'example.com')).toBe(false);
    expect(siteMatches('*.example.com', 'a.example.com:81')).toBe(true);
    expect(siteMatches('127.0.0.1:8080', '127.0.0.1:8080')).toBe(true);
    expect(siteMatches('127.0.0.1:8080', '127.0.0.1:9090')).toBe(false);
  });
});

describe('isHostEnabled', () => {
  it("in 'all-except' mode is off only on blocked sites", () => {
    const settings = withSites({ blocked: ['example.com'], allowed: ['other.org'] });
    expect(isHostEnabled(settings, 'www.example.com')).toBe(false);
    expect(isHostEnabled(settings, 'other.org')).toBe(true);
    expect(isHostEnabled(settings, 'news.site')).toBe(true);
  });

  it("in 'only' mode is on only on allowed sites", () => {
    const settings = withSites({ mode: 'only', blocked: ['example.com'], allowed: ['other.org'] });
    expect(isHostEnabled(settings, 'other.org')).toBe(true);
    expect(isHostEnabled(settings, 'example.com')).toBe(false);
    expect(isHostEnabled(settings, 'news.site')).toBe(false);
  });

  it('is off everywhere when the extension is switched off', () => {
    expect(isHostEnabled({ ...defaultSettings(), enabled: false }, 'news.site')).toBe(false);
  });
});

describe('setHostEnabled (the popup switch)', () => {
  it("adds and removes the host in the 'all-except' list", () => {
    const off = setHostEnabled(defaultSettings(), 'News.Site:8080', false);
    expect(off.sites.blocked).toEqual(['news.site:8080']);
    expect(isHostEnabled(off, 'news.site:8080')).toBe(false);
    const on = setHostEnabled(off, 'news.site:8080', true);
    expect(on.sites.blocked).toEqual([]);
  });

  it('turning a site on removes a wildcard that covers it', () => {
    const settings = withSites({ blocked: ['*.example.com', 'keep.org'] });
    expect(setHostEnabled(settings, 'a.example.com', true).sites.blocked).toEqual(['keep.org']);
  });

  it("uses the 'only' list in 'only' mode and leaves the other list alone", () => {
    const settings = withSites({ mode: 'only', blocked: ['x.org'] });
    const on = setHostEnabled(settings, 'news.site', true);
    expect(on.sites).toEqual({ mode: 'only', blocked: ['x.org'], allowed: ['news.site'] });
    expect(setHostEnabled(on, 'news.site', false).sites.allowed).toEqual([]);
  });

  it('returns the same settings when nothing needs to change or the host cannot be listed', () => {
    const settings = defaultSettings();
    expect(setHostEnabled(settings, 'news.site', true)).toBe(settings);
    expect(setHostEnabled(settings, '[::1]:8080', false)).toBe(settings);
  });
});

describe('siteFromInput', () => {
  it('reduces a pasted address to its host and port', () => {
    expect(siteFromInput(' https://News.Example.com/a/b?c#d ')).toBe('news.example.com');
    expect(siteFromInput('http://127.0.0.1:8080/page')).toBe('127.0.0.1:8080');
    expect(siteFromInput('Example.com/path')).toBe('example.com');
    expect(siteFromInput('localhost:3000')).toBe('localhost:3000');
  });

  it('writes hosts as location.host does: punycode, no default port', () => {
    expect(siteFromInput('例子.com')).toBe('xn--fsqu00a.com');
    expect(siteFromInput('https://example.com:443/')).toBe('example.com');
  });

  it('keeps patterns as typed, for the schema to judge', () => {
    expect(siteFromInput('*.example.com')).toBe('*.example.com');
    expect(SitePatternSchema.safeParse(siteFromInput('not a host!')).success).toBe(false);
  });
});
