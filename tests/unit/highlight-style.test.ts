import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { highlightCss, highlightName, LONG_TEXT_CHARS } from '@/core/highlight-style';
import { defaultSettings } from '@/core/settings';
import { groups } from '@/data';

const MANIFEST_CSS = readFileSync('entrypoints/highlights.content.css', 'utf8');

describe('highlight styles', () => {
  it('names one highlight per group, and one for its mentions in long text nodes', () => {
    const names = groups.flatMap((group) => [
      highlightName(group.id),
      highlightName(group.id, { tinted: true }),
    ]);
    expect(names).toContain('zf-ai-companies');
    expect(names).toContain('zf-ai-companies-tinted');
    expect(new Set(names).size).toBe(groups.length * 2);
  });

  it('tints instead of underlining in long text nodes, and leaves style none unpainted', () => {
    expect(LONG_TEXT_CHARS).toBeGreaterThanOrEqual(10_000);
    const tinted = (style: 'underline' | 'background' | 'both' | 'none') =>
      highlightCss({ models: { color: '#123456', style } }, { important: false })
        .split('\n\n')
        .find((rule) => rule.startsWith('::highlight(zf-models-tinted)'));
    for (const style of ['underline', 'background', 'both'] as const) {
      expect(tinted(style)).toContain('text-decoration-line: none;');
      expect(tinted(style)).toContain('color-mix(in srgb, #123456 28%, transparent)');
    }
    expect(tinted('none')).toContain('text-decoration-line: none;');
    expect(tinted('none')).toContain('background-color: transparent;');
  });

  it('gives every style its declarations', () => {
    const css = (style: 'underline' | 'background' | 'both' | 'none') =>
      highlightCss({ models: { color: '#123456', style } }, { important: false });
    expect(css('underline')).toContain('text-decoration-line: underline;');
    expect(css('underline')).toContain('text-decoration-color: #123456;');
    expect(css('underline')).toContain('background-color: transparent;');
    expect(css('background')).toContain('text-decoration-line: none;');
    expect(css('background')).toContain('color-mix(in srgb, #123456 28%, transparent)');
    expect(css('both')).toContain('text-decoration-line: underline;');
    expect(css('both')).toContain('color-mix(in srgb, #123456 28%, transparent)');
    expect(css('none')).toContain('text-decoration-line: none;');
    expect(css('none')).toContain('background-color: transparent;');
  });

  it('marks every declaration important when asked', () => {
    const css = highlightCss({ models: { color: '#123456', style: 'both' } }, { important: true });
    const declarations = css.split('\n').filter((line) => line.trim().endsWith(';'));
    // Four for the group's highlight, two for its tinted one.
    expect(declarations.length).toBe(6);
    for (const line of declarations) expect(line).toMatch(/ !important;$/);
  });

  it('lets nothing but a colour and a known group into the CSS', () => {
    const css = highlightCss(
      {
        models: { color: 'red;} body{display:none', style: 'underline' },
        'not-a-group': { color: '#123456', style: 'underline' },
        other: { color: '#abcdef', style: 'underline' },
      },
      { important: false },
    );
    expect(css).not.toContain('display');
    expect(css).not.toContain('not-a-group');
    expect(css).toContain('::highlight(zf-other)');
  });

  it('matches the manifest stylesheet, which is generated from the default settings', () => {
    const rules = MANIFEST_CSS.replace(/\/\*[\s\S]*?\*\/\s*/g, '');
    expect(rules).toBe(highlightCss(defaultSettings().appearance, { important: false }));
  });
});
