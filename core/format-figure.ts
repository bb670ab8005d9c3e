import type { Figure, Measure } from '../data/schema';
import { isCurrencyUnit } from '../data/schema';
import { localeOf, type UiLang } from './ui-language';

export interface FormatOptions {
  lang: UiLang;
  /** Spell out magnitudes in English ("¥1 trillion" rather than "¥1T"): cards have the room. */
  long?: boolean;
}

/** How the UI writes the article's "—". */
export const NOT_REPORTED_TEXT: Record<UiLang, string> = { en: 'not reported', zh: '未披露' };

const QUALIFIER_TEXT = {
  estimated: { en: 'est.', zh: '估' },
  projected: { en: 'proj.', zh: '预测' },
  reportedly: { en: 'reportedly', zh: '据报道' },
} as const satisfies Record<string, Record<UiLang, string>>;

const CURRENCY_SYMBOL = { CNY: '¥', EUR: '€', GBP: '£', USD: '$' } as const;

// Below this a magnitude word adds nothing ("¥5" stays "¥5").
const COMPACT_FROM = 10_000;

const formatters = new Map<string, Intl.NumberFormat>();

/** Intl formatters are costly to build and a card formats dozens of numbers: keep them. */
function numberFormat(lang: UiLang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), options);
    formatters.set(key, format);
  }
  return format;
}

function magnitude(value: number, { lang, long }: FormatOptions): string {
  if (Math.abs(value) < COMPACT_FROM) return numberFormat(lang, {}).format(value);
  return numberFormat(lang, {
    notation: 'compact',
    compactDisplay: long && lang === 'en' ? 'long' : 'short',
    maximumSignificantDigits: 4,
  }).format(value);
}

/** The number with its unit, and the "~" / "over" that bound it: "~130B", "over €1 billion". */
export function formatAmount(figure: Figure, options: FormatOptions): string {
  const { lang } = options;
  const { value, unit } = figure;
  let body: string;
  if (isCurrencyUnit(unit)) {
    body = `${CURRENCY_SYMBOL[unit]}${magnitude(value, options)}`;
  } else if (unit === 'parameters') {
    body = magnitude(value, options);
  } else if (unit === 'percent') {
    body = numberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
  } else if (unit === 'points') {
    const digits = figure.decimals ?? 1;
    body = numberFormat(lang, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  } else if (unit === 'year') {
    body = String(value);
  } else if (unit === 'ratio') {
    const times = numberFormat(lang, { maximumFractionDigits: 2 }).format(value);
    body = lang === 'zh' ? `${times}倍` : `${times}x`;
  } else {
    const count = numberFormat(lang, {}).format(value);
    body = lang === 'zh' ? `${count} 星标` : `${count} stars`;
  }
  if (figure.bound === 'over') body = lang === 'zh' ? `超过${body}` : `over ${body}`;
  if (figure.approx) body = lang === 'zh' ? `约${body}` : `~${body}`;
  return body;
}

/** The article's qualifiers that are shown beside a figure: est., proj., reportedly. */
export function qualifierLabels(figure: Figure, lang: UiLang): string[] {
  const labels: string[] = [];
  if (figure.estimated) labels.push(QUALIFIER_TEXT.estimated[lang]);
  if (figure.projected) labels.push(QUALIFIER_TEXT.projected[lang]);
  if (figure.reportedly) labels.push(QUALIFIER_TEXT.reportedly[lang]);
  return labels;
}

/** A measure as one line of text: "~130B (est.)", "¥1万亿（估）", or "not reported". */
export function formatMeasure(measure: Measure, options: FormatOptions): string {
  if (measure.kind === 'not-reported') return NOT_REPORTED_TEXT[options.lang];
  const labels = qualifierLabels(measure, options.lang);
  const amount = formatAmount(measure, options);
  if (labels.length === 0) return amount;
  return options.lang === 'zh'
    ? `${amount}（${labels.join('，')}）`
    : `${amount} (${labels.join(', ')})`;
}

/** A value to sort by, or undefined for "not reported" so it is never ranked as zero. */
export function sortValue(measure: Measure): number | undefined {
  return measure.kind === 'figure' ? measure.value : undefined;
}
