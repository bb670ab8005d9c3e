import { describe, expect, it } from 'vitest';
import { aliasRegExpSource } from '../../scripts/bench-support/alias-regexp.ts';
import { spreadSample } from '../../scripts/bench-support/bench-pages.ts';
import { markdownToHtml } from '../../scripts/bench-support/markdown-page.ts';
import {
  generateArticle,
  generateDenseArticle,
  type BenchAlias,
} from '../../scripts/bench-support/page-text.ts';
import { entities } from '../../data/index.ts';

const ALIASES: BenchAlias[] = entities.flatMap((entity) =>
  entity.aliases.map((alias) => ({
    text: alias.text,
    lang: alias.lang,
    ...(alias.caseSensitive === undefined ? {} : { caseSensitive: alias.caseSensitive }),
  })),
);

/** The text a reader sees in generated block HTML (tags dropped, entities undone). */
function visibleText(html: string): string {
  return html
    .replace(/<pre>[\s\S]*?<\/pre>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('bench page generator', () => {
  it('writes the same page for the same seed and another for another seed', () => {
    const a = generateArticle({ paragraphs: 300, seed: 7, aliases: ALIASES });
    const b = generateArticle({ paragraphs: 300, seed: 7, aliases: ALIASES });
    const c = generateArticle({ paragraphs: 300, seed: 8, aliases: ALIASES });
    expect(b.blocks).toEqual(a.blocks);
    expect(c.blocks).not.toEqual(a.blocks);
    expect(a.blocks.filter((block) => /^<(p|blockquote)>/.test(block))).toHaveLength(300);
  });

  it('plants mentions at the rate of a news page on the topic, in both languages', () => {
    const { blocks, planted } = generateArticle({ paragraphs: 2000, seed: 1, aliases: ALIASES });
    expect(planted / 2000).toBeGreaterThan(0.15);
    expect(planted / 2000).toBeLessThan(1);
    const text = blocks.join('\n');
    expect(text).toMatch(/\p{Script=Han}/u);
    expect(text).toMatch(/[a-z]{4,} [a-z]{4,}/);
  });

  it('writes exactly the asked number of mentions on the dense page, all findable', () => {
    const { blocks, planted } = generateDenseArticle({
      mentions: 1001,
      perParagraph: 4,
      seed: 3,
      aliases: ALIASES,
    });
    expect(planted).toBe(1001);
    expect(blocks).toHaveLength(251);
    const pattern = new RegExp(aliasRegExpSource(ALIASES), 'g');
    const found = blocks.reduce(
      (sum, block) => sum + (visibleText(block).match(pattern)?.length ?? 0),
      0,
    );
    expect(found).toBe(1001);
  });
});

describe('bench alias regexp (mark.js)', () => {
  const pattern = (aliases: BenchAlias[]) => new RegExp(aliasRegExpSource(aliases), 'g');

  it('prefers the longest alias, keeps Latin edges whole and lets spaces vary', () => {
    const re = pattern([
      { text: 'GLM-4', lang: 'en' },
      { text: 'GLM-4-9B-Chat', lang: 'en' },
      { text: 'Zhipu AI', lang: 'en' },
    ]);
    expect('GLM-4-9B-Chat and GLM-4, not GLM-45 or xGLM-4'.match(re)).toEqual([
      'GLM-4-9B-Chat',
      'GLM-4',
    ]);
    expect('zhipu\n  ai'.match(re)).toEqual(['zhipu\n  ai']);
  });

  it('keeps the case of case-sensitive aliases and ignores it for the others', () => {
    const re = pattern([
      { text: 'Wolves', lang: 'en', caseSensitive: true },
      { text: 'Tencent', lang: 'en' },
    ]);
    expect('Wolves wolves TENCENT tencent'.match(re)).toEqual(['Wolves', 'TENCENT', 'tencent']);
  });

  it('matches Chinese aliases inside running Chinese text', () => {
    const re = pattern([{ text: '智谱', lang: 'zh' }]);
    expect('据悉智谱今年融资'.match(re)).toEqual(['智谱']);
  });
});

describe('bench corpus helpers', () => {
  it('samples evenly and the same way every time', () => {
    const names = Array.from({ length: 10 }, (_, i) => `p${i}`);
    expect(spreadSample(names, 3)).toEqual(['p0', 'p3', 'p6']);
    expect(spreadSample(names, 20)).toEqual(names);
  });

  it('turns Markdown blocks into HTML blocks and keeps code out of the prose', () => {
    const html = markdownToHtml(
      [
        '# Zhipu',
        '',
        'Some **GLM-4** text',
        'more text',
        '',
        '- one',
        '- two',
        '',
        '```',
        'GPT-4 <b>',
        '```',
        '',
        '| a | b |',
        '| --- | --- |',
        '| 1 | 2 |',
      ].join('\n'),
      'readme',
    );
    expect(html).toContain('<h1>Zhipu</h1>');
    expect(html).toContain('<p>Some <strong>GLM-4</strong> text more text</p>');
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(html).toContain('<pre><code>GPT-4 &lt;b&gt;</code></pre>');
    expect(html).toContain(
      '<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>',
    );
  });
});
