import type { z } from './zod';
import { entityById } from '../data';
import { defaultSettings, MAX_SITE_LIST_CHARS, SETTINGS_VERSION, SettingsSchema } from './settings';
import type { StoredSettings } from './settings-keys';
import { FIRST_VERSION, migrateStoredSettings } from './settings-migrations';
import type { UiLang } from './ui-language';

/**
 * A settings file is a few kilobytes (two full site lists are 16 KB); anything far bigger is
 * not ours, and reading it whole would only freeze the page.
 */
export const MAX_IMPORT_BYTES = 64 * 1024;

export const EXPORT_FILE_NAME = 'zhipu-facts-settings.json';

type Bilingual = Record<UiLang, string>;

/** One thing wrong with an imported file: where (a path like 'card.delayMs') and why. */
export interface ImportProblem {
  /** '' when the problem is the file as a whole. */
  path: string;
  reason: Bilingual;
}

export type ImportResult =
  { ok: true; settings: z.infer<typeof SettingsSchema> } | { ok: false; problems: ImportProblem[] };

/** The file to download: every setting, readable by a person. */
export function exportSettingsJson(settings: z.infer<typeof SettingsSchema>): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

// Values and keys from the file are quoted in messages; a hostile file could hold megabytes.
const QUOTE_LIMIT = 60;

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const short = text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
  return `“${short}”`;
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text ? `.${String(segment)}` : String(segment);
  }
  return text.length > 2 * QUOTE_LIMIT ? `${text.slice(0, 2 * QUOTE_LIMIT)}…` : text;
}

const EXPECTED: Record<string, Bilingual> = {
  number: { en: 'a number', zh: '数字' },
  int: { en: 'a whole number', zh: '整数' },
  boolean: { en: 'true or false', zh: '布尔值（true 或 false）' },
  string: { en: 'text', zh: '文本' },
  object: { en: 'an object', zh: '对象' },
  array: { en: 'a list', zh: '列表' },
};

function describeValue(value: unknown): Bilingual {
  if (value === null) return { en: 'null', zh: 'null' };
  if (Array.isArray(value)) return EXPECTED.array as Bilingual;
  if (typeof value === 'number' && !Number.isInteger(value)) {
    return { en: 'a number with a fraction', zh: '带小数的数字' };
  }
  return EXPECTED[typeof value] ?? { en: typeof value, zh: typeof value };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

const MISSING: Bilingual = { en: 'is missing', zh: '缺失' };
// zod/mini words no issue ("Invalid input" for all), so a kind of issue the settings schema
// cannot raise today still gets a reason of ours, in both languages.
const NOT_ACCEPTED: Bilingual = {
  en: 'is not a value this setting accepts',
  zh: '不是此设置可接受的值',
};

function formatReason(path: readonly PropertyKey[], value: unknown): Bilingual {
  const isColor = path.at(-1) === 'color';
  return isColor
    ? {
        en: `${quote(value)} is not a colour written as #rrggbb, like #1a73e8`,
        zh: `${quote(value)} 不是 #rrggbb 形式的颜色（如 #1a73e8）`,
      }
    : {
        en: `${quote(value)} is not a host such as example.com or *.example.com`,
        zh: `${quote(value)} 不是 example.com 或 *.example.com 这样的主机名`,
      };
}

function sizeReason(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): Bilingual {
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  if (issue.origin === 'array') {
    return big
      ? { en: `may hold at most ${limit} entries`, zh: `最多 ${limit} 项` }
      : { en: `needs at least ${limit} entries`, zh: `至少 ${limit} 项` };
  }
  if (issue.origin === 'string') {
    return big
      ? { en: `may be at most ${limit} characters long`, zh: `最长 ${limit} 个字符` }
      : { en: `needs at least ${limit} characters`, zh: `至少 ${limit} 个字符` };
  }
  return big
    ? { en: `must be at most ${limit}`, zh: `不能大于 ${limit}` }
    : { en: `must be at least ${limit}`, zh: `不能小于 ${limit}` };
}

/** Zod's issues (codes and paths), in words a reader can act on, in both UI languages. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): ImportProblem[] {
  const value = valueAt(input, issue.path);
  const at = (reason: Bilingual): ImportProblem[] => [{ path: formatPath(issue.path), reason }];
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return at(MISSING);
      const expected = EXPECTED[issue.expected] ?? { en: issue.expected, zh: issue.expected };
      const found = describeValue(value);
      return at({
        en: `must be ${expected.en}, not ${found.en}`,
        zh: `应为${expected.zh}，而不是${found.zh}`,
      });
    }
    case 'too_big':
    case 'too_small':
      return at(sizeReason(issue));
    case 'invalid_value': {
      if (value === undefined) return at(MISSING);
      const options = issue.values.map((option) => String(option)).join(', ');
      return at({
        en: `${quote(value)} is not one of: ${options}`,
        zh: `${quote(value)} 不在可选值之中：${options}`,
      });
    }
    case 'invalid_format':
      return at(formatReason(issue.path, value));
    case 'unrecognized_keys': {
      const inGroups = issue.path.length === 1 && issue.path[0] === 'appearance';
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        reason: inGroups
          ? { en: 'no group has this id', zh: '没有这个 id 的分组' }
          : { en: 'is not a setting this extension knows', zh: '不是本扩展认识的设置项' },
      }));
    }
    case 'custom':
      if (issue.path[0] === 'sites') {
        return at({
          en: `is too long to sync: at most ${MAX_SITE_LIST_CHARS} characters in all`,
          zh: `太长，无法同步：总共最多 ${MAX_SITE_LIST_CHARS} 个字符`,
        });
      }
      return at(NOT_ACCEPTED);
    default:
      return at(NOT_ACCEPTED);
  }
}

const fileProblem = (reason: Bilingual): ImportResult => ({
  ok: false,
  problems: [{ path: '', reason }],
});

export function tooLargeProblem(bytes: number): ImportResult {
  const kib = (n: number) => Math.ceil(n / 1024);
  return fileProblem({
    en: `The file is ${kib(bytes)} KB; a settings file is at most ${kib(MAX_IMPORT_BYTES)} KB.`,
    zh: `文件大小为 ${kib(bytes)} KB；设置文件最大 ${kib(MAX_IMPORT_BYTES)} KB。`,
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SECTIONS = ['card', 'sites', 'appearance', 'entities'] as const;

/** The file's nested sections as stored keys, so older files run through the same migrations. */
function toStored(file: Record<string, unknown>): StoredSettings {
  const stored: StoredSettings = {};
  for (const [key, value] of Object.entries(file)) {
    if ((SECTIONS as readonly string[]).includes(key) && isPlainObject(value)) {
      for (const [inner, innerValue] of Object.entries(value)) {
        stored[`${key}.${inner}`] = innerValue;
      }
    } else {
      stored[key] = value;
    }
  }
  return stored;
}

function fromStored(stored: StoredSettings): Record<string, unknown> {
  const file: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    const dot = key.indexOf('.');
    if (dot === -1) {
      file[key] = value;
      continue;
    }
    const section = key.slice(0, dot);
    const inner = isPlainObject(file[section]) ? file[section] : {};
    inner[key.slice(dot + 1)] = value;
    file[section] = inner;
  }
  return file;
}

function checkVersion(version: unknown): ImportResult | undefined {
  if (version === undefined) {
    return {
      ok: false,
      problems: [
        {
          path: 'version',
          reason: {
            en: 'is missing: every settings file this extension writes has one',
            zh: '缺失：本扩展导出的设置文件都带有版本号',
          },
        },
      ],
    };
  }
  if (!Number.isInteger(version) || (version as number) < FIRST_VERSION) {
    return {
      ok: false,
      problems: [
        {
          path: 'version',
          reason: {
            en: `${quote(version)} is not a settings version (1 to ${SETTINGS_VERSION})`,
            zh: `${quote(version)} 不是有效的设置版本（1 到 ${SETTINGS_VERSION}）`,
          },
        },
      ],
    };
  }
  const number = version as number;
  if (number > SETTINGS_VERSION) {
    return {
      ok: false,
      problems: [
        {
          path: 'version',
          reason: {
            en: `is ${number}: the file comes from a newer version of the extension, which this one (up to ${SETTINGS_VERSION}) cannot read`,
            zh: `为 ${number}：文件来自更新版本的扩展，本版本（最高 ${SETTINGS_VERSION}）无法读取`,
          },
        },
      ],
    };
  }
  return undefined;
}

/**
 * Reads an imported settings file. Either every setting is valid and the settings come back
 * whole, or nothing is taken and each problem names its field and says what is wrong.
 * Entities and groups the file does not mention (added since it was written) take their defaults.
 */
export function parseSettingsImport(text: string): ImportResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) return tooLargeProblem(bytes);
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return fileProblem({
      en: 'The file is not JSON: it cannot be a settings file exported by this extension.',
      zh: '文件不是 JSON 格式，不可能是本扩展导出的设置文件。',
    });
  }
  if (!isPlainObject(file)) {
    return fileProblem({
      en: 'The file holds JSON, but not an object of settings.',
      zh: '文件是 JSON，但不是一组设置。',
    });
  }
  const versionProblem = checkVersion(file.version);
  if (versionProblem) return versionProblem;

  const defaults = defaultSettings();
  const { stored, from } = migrateStoredSettings(toStored(file));
  // Settings added after an older file was written take their defaults; in a current file a
  // missing setting is an error, since this extension always writes every one.
  const migrated = fromStored(
    from < SETTINGS_VERSION ? { ...toStored(defaults), ...stored } : stored,
  );
  const unknownEntities = isPlainObject(migrated.entities)
    ? Object.keys(migrated.entities).filter((id) => !entityById(id))
    : [];
  if (unknownEntities.length > 0) {
    return {
      ok: false,
      problems: unknownEntities.map((id) => ({
        path: formatPath(['entities', id]),
        reason: { en: 'no entity has this id', zh: '没有这个 id 的实体' },
      })),
    };
  }
  const merged = {
    ...migrated,
    ...(isPlainObject(migrated.entities)
      ? { entities: { ...defaults.entities, ...migrated.entities } }
      : {}),
    ...(isPlainObject(migrated.appearance)
      ? { appearance: { ...defaults.appearance, ...migrated.appearance } }
      : {}),
  };
  const parsed = SettingsSchema.safeParse(merged);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.flatMap((issue) => describeIssue(issue, merged)),
  };
}
