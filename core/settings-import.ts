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

/**
 * One thing wrong with an imported file: where (a path like 'card.delayMs' or
 * 'sites.blocked[2]'; a key that holds a dot or a space is quoted, as in '["card.delayMs"]')
 * and why.
 */
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Values and keys from the file are quoted in messages; a hostile file could hold megabytes.
const QUOTE_LIMIT = 60;

/**
 * The start of a value's JSON text, cut soon after `limit` characters. Not JSON.stringify: it
 * recurses through the whole value, and a file under the size limit can nest lists 30,000 deep,
 * past the stack. Every level here writes a bracket before going deeper, so stopping at the
 * limit also bounds the depth.
 */
function jsonStart(value: unknown, limit: number): string {
  let text = '';
  const write = (part: string): boolean => {
    text += part;
    return text.length <= limit;
  };
  const walk = (node: unknown): boolean => {
    if (Array.isArray(node)) {
      if (!write('[')) return false;
      for (const [index, item] of node.entries()) {
        if ((index > 0 && !write(',')) || !walk(item)) return false;
      }
      return write(']');
    }
    if (isPlainObject(node)) {
      if (!write('{')) return false;
      let first = true;
      for (const [key, item] of Object.entries(node)) {
        if (!write(`${first ? '' : ','}${JSON.stringify(key.slice(0, limit))}:`)) return false;
        if (!walk(item)) return false;
        first = false;
      }
      return write('}');
    }
    const short = typeof node === 'string' ? node.slice(0, limit) : node;
    return write(JSON.stringify(short) ?? String(short));
  };
  walk(value);
  return text;
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : jsonStart(value, QUOTE_LIMIT);
  const short = text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
  return `“${short}”`;
}

// A key is written bare only when it cannot be misread; any other (with a dot, a bracket or a
// space, or empty) is written as JSON in brackets, so a path names one place in the file: a
// top-level key "card.delayMs" is ["card.delayMs"], not the delay inside "card".
const BARE_KEY = /^[\p{L}\p{N}_$-]+$/u;

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    const key = String(segment);
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (!BARE_KEY.test(key)) text += `[${JSON.stringify(key.slice(0, 2 * QUOTE_LIMIT))}]`;
    else text += text ? `.${key}` : key;
  }
  return text.length > 2 * QUOTE_LIMIT ? `${text.slice(0, 2 * QUOTE_LIMIT)}…` : text;
}

const NUMBER: Bilingual = { en: 'a number', zh: '数字' };
const BOOLEAN: Bilingual = { en: 'true or false', zh: '布尔值（true 或 false）' };
const TEXT: Bilingual = { en: 'text', zh: '文本' };
const LIST: Bilingual = { en: 'a list', zh: '列表' };
const GROUP: Bilingual = { en: 'a group of settings (an object)', zh: '一组设置（对象）' };

// What a setting takes, keyed by zod's name for the type. Zod's names ('record', 'int') are not
// words a reader knows, so a type missing here gets a general reason, never its zod name.
const EXPECTED: ReadonlyMap<string, Bilingual> = new Map([
  ['number', NUMBER],
  ['int', { en: 'a whole number', zh: '整数' }],
  ['boolean', BOOLEAN],
  ['string', TEXT],
  ['object', GROUP],
  ['record', GROUP],
  ['array', LIST],
]);

/** What the file holds instead, by the JSON kind of the value. */
function describeValue(value: unknown): Bilingual {
  if (value === null) return { en: 'null', zh: 'null' };
  if (Array.isArray(value)) return LIST;
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value)
        ? NUMBER
        : { en: 'a number with a fraction', zh: '带小数的数字' };
    case 'boolean':
      return BOOLEAN;
    case 'string':
      return TEXT;
    default:
      return { en: 'an object', zh: '对象' };
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const segment of path) {
    // Own keys only: a path must not find 'constructor' or 'toString' on a prototype.
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return undefined;
    }
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
      const expected = EXPECTED.get(issue.expected);
      if (!expected) return at(NOT_ACCEPTED);
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

const SECTIONS: readonly string[] = ['card', 'sites', 'appearance', 'entities'];

/**
 * An object for keys taken from a file. It has no prototype, so a key named '__proto__' becomes
 * an own key like any other unknown one, to be refused by name; on a plain `{}` the assignment
 * would replace the prototype instead, dropping the key unseen and letting its value pose as
 * inherited keys.
 */
const keyRecord = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;

/**
 * The file's nested sections as stored keys, so older files run through the same migrations.
 * A top-level key with a dot is no setting of any version (files nest their sections); it is
 * kept apart, to be refused under its own name rather than read as a key of a section.
 */
function toStored(file: Record<string, unknown>): {
  stored: StoredSettings;
  dotted: Record<string, unknown>;
} {
  const stored = keyRecord();
  const dotted = keyRecord();
  for (const [key, value] of Object.entries(file)) {
    if (SECTIONS.includes(key) && isPlainObject(value)) {
      for (const [inner, innerValue] of Object.entries(value)) {
        stored[`${key}.${inner}`] = innerValue;
      }
    } else if (key.includes('.')) {
      dotted[key] = value;
    } else {
      stored[key] = value;
    }
  }
  return { stored, dotted };
}

/** Stored keys back into a file's nested sections ('card.delayMs' -> card.delayMs). */
function fromStored(stored: StoredSettings): Record<string, unknown> {
  const file = keyRecord();
  for (const [key, value] of Object.entries(stored)) {
    const dot = key.indexOf('.');
    if (dot === -1) {
      file[key] = value;
      continue;
    }
    const section = key.slice(0, dot);
    const inner = isPlainObject(file[section]) ? file[section] : keyRecord();
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
 * Never throws: keys like '__proto__' are refused as unknown, deep values are quoted by their start.
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
  const { stored: fileStored, dotted } = toStored(file);
  const { stored, from } = migrateStoredSettings(fileStored);
  // Settings added after an older file was written take their defaults; in a current file a
  // missing setting is an error, since this extension always writes every one.
  const migrated = fromStored(
    from < SETTINGS_VERSION ? { ...toStored(defaults).stored, ...stored } : stored,
  );
  for (const section of SECTIONS) {
    // An empty section has no stored keys; it is there, so what is missing are its fields.
    if (isPlainObject(file[section]) && !isPlainObject(migrated[section])) {
      migrated[section] = keyRecord();
    }
  }
  // Back at the top, where the schema refuses them by name as settings it does not know.
  for (const [key, value] of Object.entries(dotted)) migrated[key] = value;

  // The schema takes any id in `entities` (the registry is data, not schema), so ids are
  // checked here. Spreads below copy own keys as they are, '__proto__' too, for the schema to see.
  const entityProblems: ImportProblem[] = isPlainObject(migrated.entities)
    ? Object.keys(migrated.entities)
        .filter((id) => !entityById(id))
        .map((id) => ({
          path: formatPath(['entities', id]),
          reason: { en: 'no entity has this id', zh: '没有这个 id 的实体' },
        }))
    : [];
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
  if (parsed.success && entityProblems.length === 0) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    problems: [
      ...entityProblems,
      ...(parsed.error?.issues ?? []).flatMap((issue) => describeIssue(issue, merged)),
    ],
  };
}
