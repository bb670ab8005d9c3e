import { expect, it } from 'vitest';
import { resolveUiLang } from '../../core/ui-language';

it('follows the browser when the reader chose nothing', () => {
  expect(resolveUiLang('auto', ['zh-TW', 'en'])).toBe('zh');
  expect(resolveUiLang('auto', ['fr-FR', 'en-GB'])).toBe('en');
  expect(resolveUiLang('auto', ['de'])).toBe('en');
  expect(resolveUiLang('auto', [])).toBe('en');
});

it('honours an explicit choice over the browser', () => {
  expect(resolveUiLang('en', ['zh-CN'])).toBe('en');
  expect(resolveUiLang('zh', ['en-US'])).toBe('zh');
});
