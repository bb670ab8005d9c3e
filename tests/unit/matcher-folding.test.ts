import { describe, expect, it } from 'vitest';
import { compileMatcher, type AliasSpec, type Mention } from '../../core/matcher.ts';

const ALIASES: AliasSpec[] = [
  { entityId: 'zhipu', text: 'Zhipu' },
  { entityId: 'zhipu', text: 'Zhipu AI' },
  { entityId: 'zhipu', text: '智谱 AI' },
  { entityId: 'glm-4', text: 'GLM-4' },
  { entityId: 'atletico', text: 'Atlético Madrid' },
  { entityId: 'atleti', text: 'Atleti' },
  { entityId: 'chatbot-arena', text: 'Chatbot Arena' },
  { entityId: 'big-fund', text: 'Big Fund', caseSensitive: true },
  { entityId: 'olympiacos', text: "Olympiakos' Fans" },
];

const matcher = compileMatcher(ALIASES);

/** The single mention expected in `text`, with the exact original slice it covers. */
function onlyMention(text: string): { entityId: string; covered: string } | undefined {
  const found = matcher.find(text);
  expect(found.length).toBeLessThanOrEqual(1);
  const [mention] = found;
  return mention && { entityId: mention.entityId, covered: text.slice(mention.start, mention.end) };
}

describe('whitespace variants', () => {
  it.each([
    ['a line break and indentation', 'Zhipu\n  AI'],
    ['a no-break space', 'Zhipu\u00a0AI'],
    ['an ideographic space', 'Zhipu\u3000AI'],
    ['tabs and a carriage return', 'Zhipu\t\r\n\tAI'],
    ['several spaces', 'Zhipu     AI'],
  ])('match across %s, covering the whole original range', (_label, spelled) => {
    const text = `(${spelled}) today`;
    expect(onlyMention(text)).toEqual({ entityId: 'zhipu', covered: spelled });
  });

  it('keeps offsets right for text after a collapsed run', () => {
    const text = 'Zhipu \n\n AI and GLM-4';
    const found: Mention[] = matcher.find(text);
    expect(found).toEqual([
      { entityId: 'zhipu', start: 0, end: 11 },
      { entityId: 'glm-4', start: 16, end: 21 },
    ]);
  });

  it('matches a Chinese alias with a space against any whitespace', () => {
    expect(onlyMention('由智谱\u00a0AI推出')).toEqual({
      entityId: 'zhipu',
      covered: '智谱\u00a0AI',
    });
  });

  it('does not match where the alias has a space and the text has none', () => {
    expect(onlyMention('ChatbotArena')).toBeUndefined();
  });
});

describe('hyphen variants', () => {
  it.each([['\u2010'], ['\u2011'], ['\u2012'], ['\u2013'], ['\u2212'], ['\ufe63'], ['\uff0d']])(
    'reads U+%s as a hyphen',
    (hyphen) => {
      const spelled = `GLM${hyphen}4`;
      expect(onlyMention(`on ${spelled} now`)).toEqual({ entityId: 'glm-4', covered: spelled });
    },
  );

  it('does not read a space or an em dash as a hyphen', () => {
    expect(onlyMention('GLM 4 and GLM\u20144')).toBeUndefined();
  });

  it('treats a hyphen variant before a digit like a hyphen: GLM-4‑9B is not GLM-4', () => {
    expect(onlyMention('GLM-4\u20119B')).toBeUndefined();
  });
});

describe('full-width forms', () => {
  it('matches full-width Latin letters, digits and hyphen, keeping original offsets', () => {
    const text = '发布了ＧＬＭ－４。';
    expect(onlyMention(text)).toEqual({ entityId: 'glm-4', covered: 'ＧＬＭ－４' });
  });

  it('treats a full-width digit after the name as touching it', () => {
    expect(onlyMention('ＧＬＭ－４５')).toBeUndefined();
  });
});

describe('accents are optional', () => {
  it.each([
    ['Atlético Madrid', 'the alias spelling'],
    ['Atletico Madrid', 'without the accent'],
    ['ATLÉTICO MADRID', 'in capitals'],
    ['Atle\u0301tico Madrid', 'with a combining accent'],
    ['Atlétíco Mádrid', 'with extra accents'],
  ])('"%s" matches (%s)', (spelled) => {
    expect(onlyMention(`${spelled} won`)).toEqual({ entityId: 'atletico', covered: spelled });
  });

  it('keeps a combining mark on the last letter inside the mention', () => {
    const text = 'Atleti\u0301 fans';
    expect(onlyMention(text)).toEqual({ entityId: 'atleti', covered: 'Atleti\u0301' });
  });

  it('treats an accented letter as a letter for the whole-token rule', () => {
    expect(onlyMention('Atletiço')).toBeUndefined();
    expect(onlyMention('Atletíco')).toBeUndefined();
  });

  it('keeps the case rule for a case-sensitive alias while folding its accents', () => {
    expect(onlyMention('the Bíg Fund')).toEqual({ entityId: 'big-fund', covered: 'Bíg Fund' });
    expect(onlyMention('a big fund')).toBeUndefined();
  });
});

describe('apostrophes', () => {
  it.each([['’'], ["'"], ['‘'], ['ʼ']])(
    'stops a possessive with %s outside the mention, which still counts as a whole token',
    (apostrophe) => {
      const text = `Zhipu${apostrophe}s valuation`;
      expect(onlyMention(text)).toEqual({ entityId: 'zhipu', covered: 'Zhipu' });
    },
  );

  it('matches an alias that contains an apostrophe whichever apostrophe the text uses', () => {
    expect(onlyMention('Olympiakos’ fans')).toEqual({
      entityId: 'olympiacos',
      covered: 'Olympiakos’ fans',
    });
  });
});

describe('invisible characters', () => {
  it('matches through a soft hyphen and a zero-width space inside the name', () => {
    const spelled = 'Zhi\u00adpu\u200b AI';
    expect(onlyMention(`${spelled}.`)).toEqual({ entityId: 'zhipu', covered: spelled });
  });

  it('looks past invisible characters when checking what touches the name', () => {
    expect(onlyMention('Zhipu\u00adx')).toBeUndefined();
    expect(onlyMention('x\u200bZhipu')).toBeUndefined();
  });
});
