import { formatAmount } from '../../core/format-figure';
import type { UiLang } from '../../core/ui-language';

/**
 * A whole count (mentions, entities) with the UI language's digit grouping. format-figure has no
 * unit for plain counts; whole 'points' with no decimals format exactly as one.
 */
export function formatCount(count: number, lang: UiLang): string {
  return formatAmount({ kind: 'figure', value: count, unit: 'points', decimals: 0 }, { lang });
}
