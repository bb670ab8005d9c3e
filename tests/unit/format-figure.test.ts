import { describe, expect, it } from 'vitest';
import { formatAmount, formatMeasure, qualifierLabels, sortValue } from '../../core/format-figure';
import type { Figure, Measure } from '../../data/schema';

const fig = (value: number, unit: Figure['unit'], extra: Partial<Figure> = {}): Figure => ({
  kind: 'figure',
  value,
  unit,
  ...extra,
});
const notReported: Measure = { kind: 'not-reported' };

describe('formatAmount', () => {
  it('writes yuan with a magnitude in each language', () => {
    expect(formatAmount(fig(1e12, 'CNY'), { lang: 'en', long: true })).toBe('¥1 trillion');
    expect(formatAmount(fig(1e12, 'CNY'), { lang: 'en' })).toBe('¥1T');
    expect(formatAmount(fig(1e12, 'CNY'), { lang: 'zh' })).toBe('¥1万亿');
    expect(formatAmount(fig(500e9, 'CNY'), { lang: 'en' })).toBe('¥500B');
    expect(formatAmount(fig(500e9, 'CNY'), { lang: 'zh' })).toBe('¥5000亿');
    expect(formatAmount(fig(1.2e12, 'CNY'), { lang: 'en' })).toBe('¥1.2T');
  });

  it('keeps the bound and the approximation', () => {
    expect(formatAmount(fig(1e9, 'EUR', { bound: 'over' }), { lang: 'en', long: true })).toBe(
      'over €1 billion',
    );
    expect(formatAmount(fig(1e9, 'EUR', { bound: 'over' }), { lang: 'zh' })).toBe('超过€10亿');
    expect(formatAmount(fig(130e9, 'parameters', { approx: true }), { lang: 'en' })).toBe('~130B');
    expect(formatAmount(fig(130e9, 'parameters', { approx: true }), { lang: 'zh' })).toBe(
      '约1300亿',
    );
  });

  it('prints benchmark points with the decimals the article printed', () => {
    expect(formatAmount(fig(92, 'points', { decimals: 1 }), { lang: 'en' })).toBe('92.0');
    expect(formatAmount(fig(82.3, 'points'), { lang: 'zh' })).toBe('82.3');
  });

  it('formats percents, years, ratios and stars', () => {
    expect(formatAmount(fig(70, 'percent'), { lang: 'en' })).toBe('70%');
    expect(formatAmount(fig(2016, 'year'), { lang: 'en' })).toBe('2016');
    expect(formatAmount(fig(1250, 'ratio', { bound: 'over' }), { lang: 'en' })).toBe('over 1,250x');
    expect(formatAmount(fig(1.25, 'ratio'), { lang: 'zh' })).toBe('1.25倍');
    expect(formatAmount(fig(15000, 'stars', { bound: 'over' }), { lang: 'en' })).toBe(
      'over 15,000 stars',
    );
  });
});

describe('formatMeasure', () => {
  it('shows qualifiers beside the amount', () => {
    const params = fig(130e9, 'parameters', { approx: true, estimated: true });
    expect(formatMeasure(params, { lang: 'en' })).toBe('~130B (est.)');
    expect(formatMeasure(params, { lang: 'zh' })).toBe('约1300亿（估）');
    expect(qualifierLabels(fig(2500e9, 'CNY', { projected: true }), 'en')).toEqual(['proj.']);
  });

  it('never prints a missing figure as zero', () => {
    expect(formatMeasure(notReported, { lang: 'en' })).toBe('not reported');
    expect(formatMeasure(notReported, { lang: 'zh' })).toBe('未披露');
    expect(sortValue(notReported)).toBeUndefined();
    expect(sortValue(fig(0, 'points'))).toBe(0);
  });
});
