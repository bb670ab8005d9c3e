import { describe, expect, it } from 'vitest';
import type { Measure } from '../../data';
import {
  containsFigure,
  mentionsFigure,
  renderParameters,
  renderProse,
  renderTableNumber,
  renderValuation,
  renderYear,
} from './article-notation';

const fig = (
  value: number,
  unit: Extract<Measure, { kind: 'figure' }>['unit'],
  extra = {},
): Measure => ({
  kind: 'figure',
  value,
  unit,
  ...extra,
});
const missing: Measure = { kind: 'not-reported' };

describe('article notation', () => {
  it('renders table cells the way the article prints them', () => {
    expect(renderParameters(fig(130e9, 'parameters', { approx: true, estimated: true }))).toBe(
      '~130B (est.)',
    );
    expect(renderParameters(fig(1.8e12, 'parameters', { approx: true, estimated: true }))).toBe(
      '~1.8T (est.)',
    );
    expect(renderParameters(fig(72e9, 'parameters'))).toBe('72B');
    expect(renderParameters(missing)).toBe('—');
    expect(renderTableNumber(fig(92, 'points', { decimals: 1 }))).toBe('92.0');
    expect(renderTableNumber(fig(1200e9, 'CNY'), 1e9)).toBe('1,200');
    expect(renderTableNumber(missing)).toBe('—');
    expect(renderValuation(fig(1e12, 'CNY'))).toBe('¥1 Trillion');
    expect(renderValuation(fig(150e9, 'CNY'))).toBe('¥150B');
    expect(renderYear(fig(2026, 'year', { projected: true }))).toBe('2026 (proj.)');
  });

  it('renders prose figures the way the article writes them', () => {
    expect(renderProse(fig(270e6, 'EUR'))).toBe('€270 million');
    expect(renderProse(fig(1e9, 'EUR', { bound: 'over' }))).toBe('over €1 billion');
    expect(renderProse(fig(4e9, 'USD', { bound: 'over' }))).toBe('over $4 billion');
    expect(renderProse(fig(45e6, 'GBP'))).toBe('£45 million');
    expect(renderProse(fig(800e6, 'CNY'))).toBe('¥800M');
    expect(renderProse(fig(1e12, 'CNY'))).toBe('¥1T');
    expect(renderProse(fig(70, 'percent'))).toBe('70%');
    expect(renderProse(fig(1250, 'ratio', { bound: 'over' }))).toBe('over 1,250x');
    expect(renderProse(fig(1.25, 'ratio'))).toBe('1.25x');
    expect(renderProse(fig(9e9, 'parameters'))).toBe('9-billion parameter');
    expect(renderProse(fig(15_000, 'stars', { bound: 'over' }))).toBe('over 15,000 stars');
  });

  it('finds whole figures only', () => {
    expect(containsFigure('valued 2x that of', '2x')).toBe(true);
    expect(containsFigure('valued 12x that of', '2x')).toBe(false);
    expect(containsFigure('valued 1.2x that of', '2x')).toBe(false);
    expect(containsFigure('in 20160', '2016')).toBe(false);
    expect(containsFigure('in 2016.', '2016')).toBe(true);
  });

  it('tells a bounded figure from an exact one', () => {
    const exact = fig(8_000, 'stars');
    const bounded = fig(8_000, 'stars', { bound: 'over' });
    expect(mentionsFigure('surpassing 8,000 stars', bounded)).toBe(true);
    expect(mentionsFigure('surpassing 8,000 stars', exact)).toBe(false);
    expect(mentionsFigure('exactly 8,000 stars', exact)).toBe(true);
    expect(mentionsFigure('exactly 8,000 stars', bounded)).toBe(false);
    expect(mentionsFigure('anything', missing)).toBe(false);
  });
});
