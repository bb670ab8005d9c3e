/** The matcher with every real alias from data/, on sentences of our own. */
import { describe, expect, it } from 'vitest';
import { entities } from '../../data/index.ts';
import { compileMatcher, type AliasSpec } from '../../core/matcher.ts';

const specs: AliasSpec[] = entities.flatMap((entity) =>
  entity.aliases.map(({ text, caseSensitive }) => ({ entityId: entity.id, text, caseSensitive })),
);
const matcher = compileMatcher(specs);

function mentionsIn(text: string): [string, string][] {
  return matcher.find(text).map(({ entityId, start, end }) => [entityId, text.slice(start, end)]);
}

describe('every real alias', () => {
  it.each(specs.map((spec) => [spec.text, spec.entityId]))(
    '"%s" is found as a mention of %s when it stands alone',
    (text, entityId) => {
      expect(mentionsIn(`(${text})`)).toEqual([[entityId, text]]);
    },
  );

  it.each(specs.filter((spec) => /\p{Script=Han}/u.test(spec.text)).map((spec) => [spec.text]))(
    '"%s" is found inside a plain Chinese sentence',
    (text) => {
      const sentence = `我们讨论了${text}的情况`;
      expect(mentionsIn(sentence).map(([, covered]) => covered)).toEqual([text]);
    },
  );
});

describe('real aliases in sentences', () => {
  it('reads an English sentence with hits and near-misses', () => {
    expect(
      mentionsIn(
        'Zhipu AI’s GLM-4-9B-Chat beat Llama-3-8B on C-Eval; GPT-4o is not GPT-4, and GLM-45 is no model.',
      ),
    ).toEqual([
      ['zhipu-ai', 'Zhipu AI'],
      ['glm-4-9b-chat', 'GLM-4-9B-Chat'],
      ['llama-3-8b', 'Llama-3-8B'],
      ['c-eval', 'C-Eval'],
      ['gpt-4', 'GPT-4'],
    ]);
  });

  it('respects the case-sensitive aliases', () => {
    expect(mentionsIn('Wolves fans saw wolves; ERNIE answered Ernie; Kimi, not kimi.')).toEqual([
      ['wolves', 'Wolves'],
      ['ernie-4-0', 'ERNIE'],
      ['kimi', 'Kimi'],
    ]);
  });

  it('reads a Chinese sentence with hits and a near-miss', () => {
    expect(
      mentionsIn('苏宁控股集团收购国际米兰后，其中超过一半的球员离队，中超也受到影响。'),
    ).toEqual([
      ['suning', '苏宁控股集团'],
      ['inter-milan', '国际米兰'],
      ['chinese-super-league', '中超'],
    ]);
  });

  it('reads names split by a line break and spelled with variants', () => {
    expect(mentionsIn('Atletico\n  Madrid and ＧＬＭ－４ and Zhipu\u00a0AI')).toEqual([
      ['atletico-madrid', 'Atletico\n  Madrid'],
      ['glm-4', 'ＧＬＭ－４'],
      ['zhipu-ai', 'Zhipu\u00a0AI'],
    ]);
  });
});
